/// A bot line that the host refuses. `code` is stable and snake_case; `detail` is for humans.
public struct ProtocolError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable error codes.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The line exceeds `maxLineBytes`.
        case lineTooLong = "line_too_long"
        /// The line is empty or only whitespace.
        case emptyLine = "empty_line"
        /// Not valid UTF-8.
        case invalidUTF8 = "invalid_utf8"
        /// Nested deeper than `maxDepth`.
        case tooDeep = "too_deep"
        /// Not a JSON object, or malformed JSON (including NaN/Infinity literals).
        case malformedJSON = "malformed_json"
        /// A known message with a missing or mistyped field.
        case invalidMessage = "invalid_message"
        /// `type` is not one the protocol knows.
        case unknownType = "unknown_type"
        /// More actions than `maxActionsPerTick`.
        case tooManyActions = "too_many_actions"
        /// A price or quantity that is not a plain decimal string.
        case invalidDecimal = "invalid_decimal"
        /// A `decision` with an oversized or empty field, a bad confidence, or bound to orders the
        /// reply does not place.
        case invalidDecision = "invalid_decision"
    }

    public var code: Code
    public var detail: String

    /// Creates an error.
    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "\(code.rawValue): \(detail)" }
}
