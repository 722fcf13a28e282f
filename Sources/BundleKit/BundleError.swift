/// Why a bundle was refused. `code` is for programs (API status mapping, tests); `message`
/// is for the team that uploaded it and always says what to change.
public struct BundleError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Machine-readable reason.
    public var code: Code
    /// Human-readable explanation, including what to do about it.
    public var message: String
    /// The archive entry or file the error is about, when there is one.
    public var path: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    /// `"<code>: <message>"`.
    public var description: String { "\(code.rawValue): \(message)" }
}
