import PostgresNIO

/// Recognises database errors caused by what a caller sent (SQLSTATE class 22, "data
/// exception": a NUL byte in text, a `\u0000` escape in JSON, a value out of range), so the API
/// can answer 400 instead of 500 without showing the database's message.
public enum DatabaseInputError {
    /// True when `error` is a PostgreSQL data exception.
    public static func isInvalidInput(_ error: any Error) -> Bool {
        guard let error = StatementError.psql(error), let state = error.serverInfo?[.sqlState] else { return false }
        return state.hasPrefix("22")
    }
}
