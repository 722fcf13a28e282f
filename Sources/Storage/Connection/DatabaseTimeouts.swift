import PostgresNIO

/// Time limits on every connection the platform opens, so a lost database costs seconds, not a
/// hung process: the client gives up connecting after `connect`; the server cancels any statement
/// (lock waits included) after `statement` and ends a session that sits idle inside a transaction
/// for `idleInTransaction` (a runner cut off mid-commit), releasing its row locks.
///
/// The server-side limits are sent as start-up parameters (`statement_timeout`,
/// `idle_in_transaction_session_timeout`). A database URL may override them with query items of
/// the same names, in milliseconds (`0` disables): `postgres://…/arena?statement_timeout=60000`.
public struct DatabaseTimeouts: Sendable, Equatable {
    /// Longest wait for a new connection (client side). Default 5 s.
    public var connect: Duration
    /// Longest any one statement may run, server side (`statement_timeout`). Default 30 s.
    public var statement: Duration
    /// Longest a session may sit idle inside an open transaction, server side
    /// (`idle_in_transaction_session_timeout`). Default 60 s.
    public var idleInTransaction: Duration

    /// Creates limits; every parameter defaults to the documented value.
    public init(
        connect: Duration = .seconds(5), statement: Duration = .seconds(30), idleInTransaction: Duration = .seconds(60)
    ) {
        self.connect = connect
        self.statement = statement
        self.idleInTransaction = idleInTransaction
    }

    /// The defaults.
    public static let standard = DatabaseTimeouts()

    /// These limits with the overrides found in a URL's query items (milliseconds).
    func overridden(by query: [String: String]) -> DatabaseTimeouts {
        var result = self
        if let value = query["statement_timeout"].flatMap(Int64.init), value >= 0 {
            result.statement = .milliseconds(value)
        }
        if let value = query["idle_in_transaction_session_timeout"].flatMap(Int64.init), value >= 0 {
            result.idleInTransaction = .milliseconds(value)
        }
        if let value = query["connect_timeout"].flatMap(Int64.init), value > 0 {
            result.connect = .seconds(value)
        }
        return result
    }

    /// Applies the limits to a client configuration.
    func apply(to configuration: inout PostgresClient.Configuration) {
        configuration.options.connectTimeout = connect
        var parameters = configuration.options.additionalStartupParameters.filter {
            $0.0 != "statement_timeout" && $0.0 != "idle_in_transaction_session_timeout"
        }
        parameters.append(("statement_timeout", "\(Self.milliseconds(statement))"))
        parameters.append(("idle_in_transaction_session_timeout", "\(Self.milliseconds(idleInTransaction))"))
        configuration.options.additionalStartupParameters = parameters
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}
