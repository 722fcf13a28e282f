import APIModels
import APIServer
import AuditLog
import Foundation
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Storage
import Testing

@testable import JobRunner

/// An evaluation plays by the rules it was planned with: an organizer who edits the contest while
/// its heats wait in the queue changes the next evaluation, not half of this one.
@Suite(.serialized)
struct PlannedDefinitionTests {
    @Test func aContestEditedWhileHeatsWaitDoesNotChangeTheirRules() async throws {
        try await ServiceFixture.with { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.router) { raw in
                let client = TestClient(client: raw)
                let organizer = try await fixture.organizerToken()
                try await fixture.createContest(
                    client, organizer: organizer, yaml: ServiceFixture.contestYAML(id: "pin", ticks: 20))
                let planned = try await fixture.sql("SELECT definition_sha256 FROM contests WHERE id = 'pin'")
                let team = try await fixture.register(client, contest: "pin", name: "steady")
                let submitted = try await client.call(
                    .post, "/v1/submissions", token: team.token,
                    body: try IntegrationHarness.seedBundle("strategies/grid"))
                #expect(submitted.status == .accepted || submitted.status == .created, "\(submitted.text)")
                try await fixture.validatePending()

                // The runner plans the evaluation (its run jobs are queued, not started) ...
                let job = try #require(try await fixture.store.claimJob(owner: "planner", lease: .seconds(30)))
                #expect(job.kind == .evaluate)
                try await EvaluationPlanner(store: fixture.store, logger: fixture.logger).plan(job, owner: "planner")
                #expect(try await fixture.sql("SELECT definition_sha256 FROM evaluations") == planned)

                // ... then the organizer lengthens the contest while the heat waits.
                let update = try await client.call(
                    .post, "/v1/admin/contests", token: organizer,
                    body: Array(ServiceFixture.contestYAML(id: "pin", ticks: 35).utf8))
                #expect(update.status == .ok, "\(update.text)")
                let edited = try await fixture.sql("SELECT definition_sha256 FROM contests WHERE id = 'pin'")
                #expect(edited != planned)

                // Nobody can rewrite the evaluation's rules afterwards, not even the owner role.
                await #expect(throws: (any Error).self) {
                    _ = try await fixture.sql("UPDATE evaluations SET definition_json = '{}'")
                }

                _ = try await fixture.runner(owner: "r1").runUntilIdle()
                let transcripts = try await fixture.sql(
                    "SELECT encode(transcript, 'hex') FROM runs WHERE status = 'complete'")
                #expect(transcripts.count == 1)
                let bytes = try #require(transcripts.first.flatMap { Self.bytes(hex: $0) })
                let (transcript, _) = try Transcript.decode(bytes)
                #expect(transcript.results.tickCount == 20, "the run played the planned 20 ticks")
            }
        }
    }

    private static func bytes(hex: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(hex.utf8.count / 2)
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            out.append(byte)
            index = next
        }
        return out
    }
}
