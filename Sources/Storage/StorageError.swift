/// A failure in the storage layer, with a stable code. Messages never contain SQL or secrets.
public struct StorageError: Error, CustomStringConvertible, Sendable {
    /// Stable machine-readable codes.
    public enum Code: String, Sendable {
        case invalidDatabaseURL = "invalid_database_url"
        case migrationChanged = "migration_changed"
        case migrationFailed = "migration_failed"
        case migrationsMissing = "migrations_missing"
        case notFound = "not_found"
        case conflict = "conflict"
        case timeout = "timeout"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
