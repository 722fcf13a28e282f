import Foundation
import Logging
import PostgresNIO
import Storage
import TestSupport
import Testing

/// `arena-server bootstrap-organizer NAME` is idempotent: a second run issues a new token for the
/// existing organizer, says so on standard error, and both tokens work.
@Suite(.serialized)
struct BootstrapOrganizerTests {
    @Test func runningTwiceIssuesANewTokenWithAClearMessage() async throws {
        var logger = Logger(label: "arena-cli-tests")
        logger.logLevel = .warning
        let url = try await TestDatabase.fresh(logger: logger)
        let state = NSTemporaryDirectory() + "arena-bootstrap-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: state) }
        var environment = OfflineCLI.environment(home: state)
        environment["DATABASE_URL"] = url
        environment["ARENA_STATE_DIR"] = state
        let server = CLIProcess(
            executable: LiveServer.buildDirectory + "/arena-server", environment: environment,
            directory: LiveServer.repositoryRoot.path)

        let first = try await server.run(["bootstrap-organizer", "alice", "--log-level", "error"])
        #expect(first.status == 0, "\(first)")
        let token = first.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("pa_org_"), "standard output is just the token: \(first)")
        #expect(first.stderr.contains("created organizer alice"), "\(first)")

        let second = try await server.run(["bootstrap-organizer", "alice", "--log-level", "error"])
        #expect(second.status == 0, "\(second)")
        let again = second.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(again.hasPrefix("pa_org_") && again != token, "\(second)")
        #expect(second.stderr.contains("organizer alice exists; issued a new token"), "\(second)")
        #expect(!second.stderr.contains("USAGE"), "no usage dump: \(second)")

        let invalid = try await server.run(["bootstrap-organizer", " ", "--log-level", "error"])
        #expect(invalid.status == 2, "\(invalid)")
        #expect(!invalid.stderr.contains("USAGE"), "\(invalid)")

        let client = PostgresClient(configuration: try DatabaseURL.configuration(from: url), backgroundLogger: logger)
        let store = ArenaStore(client: client, logger: logger)
        let owners = try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return [
                try await store.organizer(tokenHash: TokenHash.hash(token)),
                try await store.organizer(tokenHash: TokenHash.hash(again)),
            ]
        }
        #expect(owners == ["alice", "alice"], "both tokens work")
    }
}
