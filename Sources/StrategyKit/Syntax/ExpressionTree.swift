// The expression tree the parser builds and the checker types: expressions, their shape and
// source text, the operators, the static types and where a YAML scalar's text starts. Small
// types that read together live in one file here; the one-type-per-file rule yields to issue 12's
// request to fold the 5–7-line AST files.

/// A parsed expression with the location and text of its source.
struct Expression: Hashable, Sendable {
    var node: ExpressionNode
    var location: SourceLocation
    var source: ExpressionSource = .empty
    var range: Range<Int> = 0..<0

    init(node: ExpressionNode, location: SourceLocation, source: ExpressionSource, range: Range<Int>) {
        self.node = node
        self.location = location
        self.source = source
        self.range = range
    }

    /// An expression with no source text (defaults filled in by the reader).
    init(node: ExpressionNode, location: SourceLocation) {
        self.node = node
        self.location = location
    }

    /// The source text of this (sub)expression.
    var text: String { source.text(range) }
}

/// The shape of an expression.
indirect enum ExpressionNode: Hashable, Sendable {
    case number(Double)
    case bool(Bool)
    /// A bare name: parameter, `let`, state variable, series, account field or market alias.
    case name(String)
    /// `qualifier.name`, e.g. `eth.mark`.
    case member(qualifier: String, name: String)
    /// `name(args)` or `qualifier.name(args)`.
    case call(qualifier: String?, name: String, arguments: [Expression])
    case unary(UnaryOperator, Expression)
    case binary(BinaryOperator, Expression, Expression)
}

/// The text of one expression as Unicode scalars, shared by all its sub-expressions so that their
/// source text is only materialised when a diagnostic or a key needs it.
final class ExpressionSource: Hashable, Sendable {
    let scalars: [Unicode.Scalar]

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    static let empty = ExpressionSource([])

    func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        let clamped = range.clamped(to: 0..<scalars.count)
        view.append(contentsOf: scalars[clamped])
        return String(view)
    }

    static func == (lhs: ExpressionSource, rhs: ExpressionSource) -> Bool { lhs === rhs }
    func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

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

/// A prefix operator.
enum UnaryOperator: String, Hashable, Sendable {
    case negate = "-"
    case not = "not"
}

/// The static type of an expression.
enum ValueType: String, Hashable, Sendable {
    case number
    case bool = "boolean"
}

/// Where a YAML scalar's text starts, so offsets inside it map back to line:column.
struct ScalarOrigin: Hashable, Sendable {
    /// Location of the scalar's first character (the quote, for quoted scalars).
    var start: SourceLocation
    /// Scalars before the text starts (1 for a quote, 0 for a plain scalar).
    var prefix: Int
    /// `false` when the text spans lines or is a block scalar; offsets then map to `start`.
    var isSingleLine: Bool

    /// The location of the scalar at `offset` (in Unicode scalars) into the text.
    func location(atOffset offset: Int) -> SourceLocation {
        isSingleLine ? start.advanced(by: prefix + offset) : start
    }

    /// An origin for text that is not a YAML scalar (tests, generated expressions).
    static let synthetic = ScalarOrigin(start: .start, prefix: 0, isSingleLine: true)
}
