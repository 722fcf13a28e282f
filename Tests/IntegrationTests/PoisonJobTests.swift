import APIModels
import APIServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import JobRunner

/// A job whose runner keeps dying (an input that crashes every runner) fails for good after
/// `max_attempts` expired leases instead of being leased again forever.
@Suite(.serialized)
struct PoisonJobTests {
    @Test func expiredLeasesCountAsAttemptsAndAPoisonRunFailsForGood() async throws {
        try await ServiceFixture.with { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.router) { raw in
                let client = TestClient(client: raw)
                try await fixture.createContest(
                    client, organizer: try await fixture.organizerToken(),
                    yaml: ServiceFixture.contestYAML(id: "poison"))
                let team = try await fixture.register(client, contest: "poison", name: "t0")
                let submitted = try await client.call(
                    .post, "/v1/submissions", token: team.token,
                    body: try IntegrationHarness.seedBundle("strategies/grid"))
                #expect(submitted.status == .accepted)
                try await fixture.validatePending()
                let evaluate = try #require(try await fixture.store.claimJob(owner: "planner", lease: .seconds(30)))
                try await EvaluationPlanner(store: fixture.store, logger: fixture.logger).plan(
                    evaluate, owner: "planner")

                // Each runner claims the run and dies at once: its lease simply runs out.
                let maxAttempts = Int(
                    try await fixture.sql("SELECT max_attempts::text FROM jobs WHERE kind = 'run'")[0])!
                for attempt in 1...maxAttempts {
                    let job = try #require(
                        try await fixture.store.claimJob(owner: "crasher-\(attempt)", lease: .seconds(30)),
                        "attempt \(attempt) was not offered")
                    #expect(job.kind == .run)
                    #expect(job.attempts == attempt, "the expired lease was not counted")
                    _ = try await fixture.sql(
                        "UPDATE jobs SET lease_expires_at = now() - interval '1 second' WHERE kind = 'run'")
                }

                // The next runner does not get it: the run fails for good, like a last failed attempt.
                #expect(try await fixture.store.claimJob(owner: "next", lease: .seconds(30)) == nil)
                #expect(
                    try await fixture.sql("SELECT status || ' ' || attempts::text FROM jobs WHERE kind = 'run'") == [
                        "failed \(maxAttempts)"
                    ])
                let error = try await fixture.sql("SELECT last_error FROM jobs WHERE kind = 'run'")[0]
                #expect(error.contains("lease expired"), "\(error)")
                #expect(try await fixture.sql("SELECT status FROM runs") == ["failed"])
                #expect(try await fixture.sql("SELECT status FROM evaluations") == ["failed"])
                let mine = try await client.call(.get, "/v1/submissions", token: team.token).decode(
                    [SubmissionView].self)
                #expect(mine.map(\.status) == ["failed"])
                #expect(mine.first?.charged == false, "a platform failure never costs quota")
                #expect(
                    try await fixture.sql("SELECT count(*)::text FROM audit_events WHERE action = 'run.failed'") == [
                        "1"
                    ])
                #expect(try await fixture.store.claimJob(owner: "later", lease: .seconds(30)) == nil)
            }
        }
    }
}
