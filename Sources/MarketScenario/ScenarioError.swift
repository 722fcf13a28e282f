/// A scenario file that cannot be run. `code` is stable and machine-readable.
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Code.
    public var code: String
    /// Message.
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// Description.
    public var description: String { "\(code): \(message)" }

    static func offGrid(_ what: String, _ text: String) -> ScenarioError {
        ScenarioError(code: "off_grid", message: "\(what) \"\(text)\" is not on the grid (values are never rounded)")
    }

    static func unknown(_ what: String, _ name: String) -> ScenarioError {
        ScenarioError(code: "unknown_name", message: "unknown \(what) \"\(name)\"")
    }
}
