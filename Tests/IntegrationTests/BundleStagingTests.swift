import APIModels
import APIServer
import BundleKit
import Foundation
import Hummingbird
import HummingbirdTesting
import JobRunner
import Testing

/// The runner unpacks stored bundles with the contest's own limits (the value the upload
/// validator used), and a team whose stored bundle cannot be prepared loses its slot, not the run.
@Suite(.serialized)
struct BundleStagingTests {
    @Test func theRunnerHonoursTheContestLimitsAndABrokenBundleFaultsOnlyItsTeam() async throws {
        try await ServiceFixture.with { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.router) { raw in
                let client = TestClient(client: raw)
                let organizer = try await fixture.organizerToken()
                try await fixture.createContest(
                    client, organizer: organizer,
                    yaml: ServiceFixture.contestYAML(id: "bs", limits: "bundle_max_files: 100"))
                // 80 files: more than BundleLimits' default of 64, within the contest's 100.
                let many = try await fixture.register(client, contest: "bs", name: "many-files")
                let manyReply = try await client.call(
                    .post, "/v1/submissions", token: many.token, body: try Self.bundle(extraFiles: 79))
                #expect(manyReply.status == .accepted, "\(manyReply.text)")
                let intact = try await fixture.register(client, contest: "bs", name: "intact")
                _ = try await client.call(
                    .post, "/v1/submissions", token: intact.token,
                    body: try IntegrationHarness.seedBundle("strategies/grid"))
                let broken = try await fixture.register(client, contest: "bs", name: "broken")
                _ = try await client.call(
                    .post, "/v1/submissions", token: broken.token,
                    body: try IntegrationHarness.seedBundle("strategies/mean-reversion"))
                try await fixture.validatePending()

                // The broken team's stored bundle no longer unpacks (the same on every runner).
                _ = try await fixture.sql("UPDATE submissions SET bundle = '\\x00'::bytea WHERE team_id = \(broken.id)")
                _ = try await fixture.runner(owner: "r1").runUntilIdle()

                #expect(try await fixture.sql("SELECT DISTINCT status FROM runs") == ["complete"])
                #expect(try await fixture.sql("SELECT DISTINCT status FROM evaluations") == ["complete"])
                let faults = try await fixture.sql(
                    """
                    SELECT t.name || ' ' || coalesce(x.fault_code, '-') FROM run_results x
                    JOIN teams t ON t.id = x.team_id JOIN runs r ON r.id = x.run_id
                    WHERE r.evaluation_id = (SELECT max(id) FROM evaluations) ORDER BY t.name
                    """)
                #expect(faults == ["broken start_failed", "intact -", "many-files -"])
                let attempts = try await fixture.sql("SELECT max(attempts)::text FROM jobs WHERE kind = 'run'")
                #expect(attempts == ["1"], "a team's broken bundle is not retried as a platform failure")
            }
        }
    }

    /// The grid strategy plus `extraFiles` small files.
    static func bundle(extraFiles: Int) throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "many-files-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(
            at: IntegrationHarness.repositoryRoot.appendingPathComponent("Seeds/strategies/grid"), to: directory)
        let notes = directory.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        for index in 0..<extraFiles {
            try Data("note \(index)\n".utf8).write(to: notes.appendingPathComponent("n\(index).txt"))
        }
        return try BundleArchive.pack(directory: directory.path, limits: BundleLimits(maxFiles: 100))
    }
}
