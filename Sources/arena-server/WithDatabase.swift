import Foundation
import PostgresNIO

/// Runs `body` while the environment's PostgreSQL client runs, then shuts the client down.
func withDatabase(
    _ environment: ServerEnvironment, isolation: isolated (any Actor)? = #isolation,
    _ body: () async throws -> Void
) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await environment.database.run() }
        do {
            try await body()
        } catch {
            group.cancelAll()
            throw error
        }
        group.cancelAll()
    }
}
