/// An infix operator, with its typing rule.
enum BinaryOperator: String, Hashable, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case equal = "=="
    case notEqual = "!="
    case and = "and"
    case or = "or"

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
