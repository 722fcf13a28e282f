import Logging
import PostgresNIO
import Storage
import TestSupport
import Testing

/// Every connection carries the server-side time limits (`DatabaseTimeouts`), and a URL can
/// override them.
@Suite(.serialized)
struct DatabaseTimeoutsTests {
    /// The session's value of `setting` on a client configured from `url`.
    func show(_ setting: String, url: String) async throws -> String {
        var logger = Logger(label: "timeouts")
        logger.logLevel = .warning
        let client = PostgresClient(configuration: try DatabaseURL.configuration(from: url), backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            let rows = try await client.query(PostgresQuery(unsafeSQL: "SHOW \(setting)"), logger: logger)
            for try await value in rows.decode(String.self) { return value }
            return ""
        }
    }

    @Test func connectionsCarryTheDefaultLimits() async throws {
        let url = try await TestDatabase.fresh()
        #expect(try await show("statement_timeout", url: url) == "30s")
        #expect(try await show("idle_in_transaction_session_timeout", url: url) == "1min")
    }

    @Test func aURLOverridesTheLimits() async throws {
        let url = try await TestDatabase.fresh()
        let separator = url.contains("?") ? "&" : "?"
        let custom = url + separator + "statement_timeout=5000&idle_in_transaction_session_timeout=0"
        #expect(try await show("statement_timeout", url: custom) == "5s")
        #expect(try await show("idle_in_transaction_session_timeout", url: custom) == "0")
    }

    @Test func aConnectionLossIsRecognisedAndAReadIsRepeatedOnce() async throws {
        let url = try await TestDatabase.fresh()
        var logger = Logger(label: "timeouts")
        logger.logLevel = .warning
        let client = PostgresClient(configuration: try DatabaseURL.configuration(from: url), backgroundLogger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            // Terminating our own backend is what a restart does to a session (SQLSTATE 57P01).
            var attempts = 0
            var retried = 0
            // Both statements on one connection: the pool must not hand the read to another one.
            let value = try await DatabaseRetry.idempotent(onRetry: { _ in retried += 1 }) { () async throws -> Int in
                attempts += 1
                let terminate = attempts == 1
                return try await client.withConnection { connection in
                    if terminate {
                        _ = try await connection.query(
                            "SELECT pg_terminate_backend(pg_backend_pid())", logger: logger)
                    }
                    let rows = try await connection.query("SELECT 42", logger: logger)
                    for try await value in rows.decode(Int.self) { return value }
                    return 0
                }
            }
            #expect(value == 42)
            #expect(attempts == 2)
            #expect(retried == 1)
            do {
                _ = try await client.query("SELECT 1/0", logger: logger)
                Issue.record("division by zero succeeded")
            } catch {
                #expect(!DatabaseRetry.isConnectionLoss(error), "a failing statement is not a lost connection")
            }
        }
    }
}
