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
        /// The contest does not accept this now (published, or no phase allowing it is open).
        case contestClosed = "contest_closed"
        /// A rerun of a sealed run is still pending (amendments wait for it).
        case evaluationInProgress = "evaluation_in_progress"
        /// Publication needs a complete evaluation.
        case nothingToPublish = "nothing_to_publish"
        /// An amendment of a published board needs a reason.
        case reasonRequired = "reason_required"
        /// An append-only or immutable record refused a change (board versions, seed material, keys).
        case sealed = "sealed"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
