/// A platform-side failure of a model call: not the team's fault, never charged to it, and
/// retried when the contest allows.
public struct EndpointError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable codes.
    public enum Code: String, Sendable, Hashable {
        /// No answer within the contest's timeout.
        case timeout
        /// The endpoint could not be reached (connection refused, DNS, TLS).
        case unreachable
        /// An HTTP status other than 2xx (429 and 5xx included).
        case status = "http_status"
        /// A 2xx answer that is not a chat completion.
        case malformedAnswer = "malformed_answer"
    }

    public var code: Code
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
