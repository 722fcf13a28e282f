/// A failure to find, initialise or start the embedded PostgreSQL cluster, with a stable code.
public struct LocalPostgresError: Error, CustomStringConvertible, Sendable {
    /// Stable machine-readable codes.
    public enum Code: String, Sendable {
        case postgresNotInstalled = "postgres_not_installed"
        case postgresStartFailed = "postgres_start_failed"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
