import PostgresNIO

/// The PostgreSQL error a statement failed with, whether it ran alone or inside
/// `withTransaction` (which wraps the body's and `COMMIT`'s errors in `PostgresTransactionError`).
/// The one place the API's error mapping (refusals, invalid input) looks through that wrapper.
enum StatementError {
    static func psql(_ error: any Error) -> PSQLError? {
        if let transaction = error as? PostgresTransactionError {
            return (transaction.closureError ?? transaction.commitError).flatMap(psql)
        }
        return error as? PSQLError
    }
}
