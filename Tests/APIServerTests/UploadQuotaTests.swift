import APIModels
import Foundation
import HTTPTypes
import Storage
import Testing

@testable import APIServer

/// Upload caps are enforced atomically and before the body is read (issue 14): concurrent
/// uploads cannot exceed the daily quota or the in-flight cap, the invalid-bundle cap refuses
/// before validation, refusals carry the reset instant, a full validation executor answers 503
/// with `Retry-After`, and no reservation outlives its upload.
struct UploadQuotaTests {
    static func contest(_ id: String, perDay: Int = 3, inFlight: Int = 2, invalid: Int = 10) -> String {
        """
        id: \(id)
        name: Quota \(id)
        market: { instruments: [BTC-PERP], tick_ms: 1000 }
        evaluation: { ticks: 20, heat_size: 8, starting_balance: "10000", rounds: [{seed: 11, public: true}] }
        limits: { submissions_per_day: \(perDay), max_in_flight: \(inFlight), invalid_submissions_per_day: \(invalid) }
        """
    }

    /// 30 concurrent uploads of distinct valid bundles against `submissions_per_day: 3,
    /// max_in_flight: 2`: at most 2 accepted, at most 3 charged, every other one 429 with the
    /// reset instant, and the counters agree afterwards.
    @Test func thirtyConcurrentUploadsNeverExceedTheCaps() async throws {
        let fixture = APIFixture()
        try await fixture.test { client in
            let organizer = fixture.arena.addOrganizer()
            try await fixture.createContest(client, organizer: organizer, yaml: Self.contest("race"))
            let team = try await fixture.register(client, contest: "race", name: "racer")
            let replies = try await withThrowingTaskGroup(of: RouterClient.Reply.self) { group in
                for index in 0..<30 {
                    group.addTask {
                        try await client.call(
                            .post, "/v1/submissions", token: team.token, body: Array("valid bundle-\(index)".utf8),
                            contentType: "application/gzip")
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let accepted = replies.filter { $0.status == .accepted }
            let refused = replies.filter { $0.status == .tooManyRequests }
            print("30 concurrent uploads: \(accepted.count) accepted, \(refused.count) × 429")
            #expect(accepted.count >= 1 && accepted.count <= 2)
            #expect(accepted.count + refused.count == 30, "\(replies.map(\.status.code))")
            for reply in refused {
                try ErrorShape.expect(reply, "quota refusal")
                #expect(["too_many_in_flight", "quota_exceeded"].contains(try ErrorShape.code(reply)))
                let reset = try #require(reply.headers[APIError.quotaResetsAt])
                #expect(ISO8601DateFormatter().date(from: reset) == SubmissionRoutes.quotaDayStart(Date()) + 86_400)
                #expect(Int(reply.headers[.retryAfter] ?? "") ?? 0 >= 1)
            }
            let stored = try await fixture.arena.submissions(teamId: team.id)
            #expect(stored.count == accepted.count, "refused uploads store nothing")
            #expect(stored.filter(\.charged).count <= 3)
            #expect(fixture.arena.openReservations == 0, "every reservation was released")
        }
    }

    /// Once the invalid-bundle cap is used up, uploads are refused before their body is read or
    /// validated (the validator is not called again), with the reset instant.
    @Test func theInvalidCapRefusesBeforeValidation() async throws {
        let validator = CountingValidator()
        let fixture = APIFixture(validator: validator)
        try await fixture.test { client in
            let organizer = fixture.arena.addOrganizer()
            try await fixture.createContest(client, organizer: organizer, yaml: Self.contest("junk", invalid: 2))
            let team = try await fixture.register(client, contest: "junk", name: "j")
            for attempt in 1...2 {
                let rejected = try await client.call(
                    .post, "/v1/submissions", token: team.token, body: Array("junk \(attempt)".utf8))
                #expect(rejected.status == .unprocessableContent)
            }
            #expect(validator.count == 2)
            for body in ["junk 3", "valid fine"] {
                let refused = try await client.call(.post, "/v1/submissions", token: team.token, body: Array(body.utf8))
                #expect(refused.status == .tooManyRequests)
                #expect(try ErrorShape.code(refused) == "invalid_quota_exceeded")
                #expect(refused.headers[APIError.quotaResetsAt] != nil)
            }
            #expect(validator.count == 2, "refused uploads were never validated")
            #expect(try await fixture.arena.submissions(teamId: team.id).count == 2)
            #expect(fixture.arena.openReservations == 0)
        }
    }

    /// One validation thread and no queue: while it is busy, another upload is refused at once
    /// with 503 `validation_busy` and `Retry-After`, and its reservation is released.
    @Test func aFullValidationExecutorAnswers503WithRetryAfter() async throws {
        var configuration = APIFixture.configuration()
        configuration.validationThreads = 1
        configuration.validationQueue = 0
        let validator = CountingValidator()
        let fixture = APIFixture(configuration: configuration, validator: validator)
        try await fixture.test { client in
            let organizer = fixture.arena.addOrganizer()
            try await fixture.createContest(client, organizer: organizer, yaml: Self.contest("busy"))
            let first = try await fixture.register(client, contest: "busy", name: "first")
            let second = try await fixture.register(client, contest: "busy", name: "second")
            async let slow = client.call(.post, "/v1/submissions", token: first.token, body: Array("slow one".utf8))
            while validator.blocked == 0 { try await Task.sleep(for: .milliseconds(5)) }
            let busy = try await client.call(
                .post, "/v1/submissions", token: second.token, body: Array("valid two".utf8))
            #expect(busy.status == .serviceUnavailable)
            try ErrorShape.expect(busy, "validation busy")
            #expect(try ErrorShape.code(busy) == "validation_busy")
            #expect(busy.headers[.retryAfter] == "5")
            validator.open()
            #expect(try await slow.status == .accepted)
            #expect(fixture.arena.openReservations == 0)
            let retried = try await client.call(
                .post, "/v1/submissions", token: second.token, body: Array("valid two".utf8))
            #expect(retried.status == .accepted, "nothing was charged by the refusal")
        }
    }

    @Test func theExecutorRunsAtMostItsThreadsAndQueue() async throws {
        let executor = ValidationExecutor(threads: 2, queueLimit: 1)
        let validator = CountingValidator()
        let contest = try ContestDefinitionFixture.minimal()
        let archive = Array("slow x".utf8)
        let tasks = (0..<3).map { _ in
            Task { try await executor.run { validator.validate(archive: archive, contest: contest) } }
        }
        while validator.blocked < 2 || executor.load.waiting < 1 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(executor.load.running == 2 && executor.load.waiting == 1)
        await #expect(throws: ValidationExecutor.Busy.self) {
            try await executor.run { 1 }
        }
        validator.open(3)
        for task in tasks { _ = try await task.value }
        #expect(executor.load.running == 0 && executor.load.waiting == 0)
    }
}
