public import Logging
public import PostgresNIO

/// The platform's PostgreSQL repositories. Stateless: any number of API servers and runners share
/// one database through it. Methods are grouped by concern in `ArenaStore+*.swift`.
public struct ArenaStore: Sendable {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Runs a trivial query; used by readiness checks.
    public func ping() async throws {
        _ = try await client.query("SELECT 1", logger: logger)
    }
}
