import PostgresNIO

extension StorageError {
    /// The `StorageError` a database refusal stands for, or nil for any other error.
    ///
    /// Migration 0005 raises its refusals with SQLSTATEs of class `PA` (`PA409` contest closed,
    /// `PA412` evaluation in progress, `PA404` nothing to publish, `PA422` reason required,
    /// `PA403` sealed); the message is the database's own sentence (no SQL, no secrets).
    public static func refusal(from error: any Error) -> StorageError? {
        guard let psql = StatementError.psql(error), let state = psql.serverInfo?[.sqlState] else { return nil }
        let message = psql.serverInfo?[.message] ?? "refused by the database"
        switch state {
        case "PA409": return StorageError(.contestClosed, message)
        case "PA412": return StorageError(.evaluationInProgress, message)
        case "PA404": return StorageError(.nothingToPublish, message)
        case "PA422": return StorageError(.reasonRequired, message)
        case "PA403": return StorageError(.sealed, message)
        default: return nil
        }
    }

    /// Runs `body`, turning a database refusal into its `StorageError`.
    static func mapping<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            if let refusal = refusal(from: error) { throw refusal }
            throw error
        }
    }
}
