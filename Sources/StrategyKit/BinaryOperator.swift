/// An infix operator, with its typing rule.
enum BinaryOperator: String, Hashable, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=", equal = "==", notEqual = "!="
    case and = "and", or = "or"

    /// Operands are numbers (arithmetic and ordering) rather than booleans (logic).
    var takesNumbers: Bool { self != .and && self != .or }
    /// The result is a boolean.
    var yieldsBool: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide: false
        default: true
        }
    }
}
