/// Why a heat could not be run (a platform problem, never a team's fault).
public struct HeatError: Error, CustomStringConvertible, Sendable {
    public enum Code: String, Sendable {
        case cancelled
        case sandbox
        case transcript
        case bundle
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
