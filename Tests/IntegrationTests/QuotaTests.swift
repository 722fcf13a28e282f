import APIModels
import APIServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

/// The submission quotas as a team meets them over HTTP, against real PostgreSQL.
@Suite(.serialized)
struct QuotaTests {
    static let contest = ServiceFixture.contestYAML(
        id: "quota", limits: "submissions_per_day: 2, max_in_flight: 2, invalid_submissions_per_day: 2")

    @Test func dailyQuotaInFlightCapAndDuplicates() async throws {
        try await ServiceFixture.with { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.router) { raw in
                let client = TestClient(client: raw)
                try await fixture.createContest(
                    client, organizer: try await fixture.organizerToken(), yaml: Self.contest)
                let team = try await fixture.register(client, contest: "quota", name: "q")
                let first = try ServiceFixture.variantBundle("trend-following", variant: 1)

                let accepted = try await client.call(.post, "/v1/submissions", token: team.token, body: first)
                #expect(accepted.status == .accepted, "\(accepted.text)")
                let view = try accepted.decode(SubmissionView.self)
                #expect(view.charged)
                #expect(view.quota?.used == 1)
                #expect(view.quota?.inFlight == 1)
                #expect(view.quota?.resetsAt == Self.nextUTCMidnight(), "the reset instant is the next UTC midnight")

                let duplicate = try await client.call(.post, "/v1/submissions", token: team.token, body: first)
                #expect(duplicate.status == .ok, "identical files return the existing submission")
                #expect(try duplicate.decode(SubmissionView.self).id == view.id)
                #expect(try duplicate.decode(SubmissionView.self).quota?.used == 1, "a duplicate is not charged")

                let second = try await client.call(
                    .post, "/v1/submissions", token: team.token,
                    body: try ServiceFixture.variantBundle("trend-following", variant: 2))
                #expect(second.status == .accepted)
                #expect(try second.decode(SubmissionView.self).quota?.used == 2)

                let third = try ServiceFixture.variantBundle("trend-following", variant: 3)
                let capped = try await client.call(.post, "/v1/submissions", token: team.token, body: third)
                #expect(capped.status == .tooManyRequests)
                #expect(try capped.decode(APIErrorBody.self).error.code == "too_many_in_flight")

                // One finishes: the in-flight cap frees up, and the daily quota (2) is what refuses now.
                try await fixture.store.transitionSubmission(id: view.id, to: "scored")
                let exhausted = try await client.call(.post, "/v1/submissions", token: team.token, body: third)
                #expect(exhausted.status == .tooManyRequests)
                let error = try exhausted.decode(APIErrorBody.self).error
                #expect(error.code == "quota_exceeded")
                #expect(error.message.contains(ISO8601DateFormatter().string(from: Self.nextUTCMidnight())))
                let retryAfter = Int(exhausted.headers[.retryAfter] ?? "") ?? 0
                #expect(retryAfter > 0 && retryAfter <= 86_400)

                let mine = try await client.call(.get, "/v1/submissions", token: team.token)
                #expect(try mine.decode([SubmissionView].self).count == 2, "refused submissions are not stored")
            }
        }
    }

    /// Invalid bundles count against their own cap only; once it is used up, every upload is
    /// refused before its body is read (issue 14: the cap is checked before any byte is
    /// processed) until the reset instant.
    @Test func invalidBundlesCapUploadsUntilTheReset() async throws {
        try await ServiceFixture.with { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.router) { raw in
                let client = TestClient(client: raw)
                try await fixture.createContest(
                    client, organizer: try await fixture.organizerToken(), yaml: Self.contest)
                let team = try await fixture.register(client, contest: "quota", name: "q")
                for attempt in 1...2 {
                    let rejected = try await client.call(
                        .post, "/v1/submissions", token: team.token,
                        body: Array("not an archive \(attempt)".utf8))
                    #expect(rejected.status == .unprocessableContent)
                    let view = try rejected.decode(SubmissionView.self)
                    #expect(view.status == "rejected")
                    #expect(view.statusHistory.map(\.status) == ["received", "validating", "rejected"])
                    #expect(!view.charged)
                    #expect(view.quota?.used == 0)
                    #expect(view.quota?.invalidUsed == attempt)
                }
                let over = try await client.call(.post, "/v1/submissions", token: team.token, body: Array("junk".utf8))
                #expect(over.status == .tooManyRequests)
                #expect(try over.decode(APIErrorBody.self).error.code == "invalid_quota_exceeded")

                let valid = try await client.call(
                    .post, "/v1/submissions", token: team.token,
                    body: try ServiceFixture.variantBundle("mean-reversion", variant: 1))
                #expect(valid.status == .tooManyRequests, "refused before the body is read: \(valid.text)")
                #expect(try valid.decode(APIErrorBody.self).error.code == "invalid_quota_exceeded")
                let reset = ISO8601DateFormatter().string(from: Self.nextUTCMidnight())
                #expect(valid.headers[HTTPField.Name("X-Quota-Resets-At")!] == reset)
                #expect(try valid.decode(APIErrorBody.self).error.message.contains(reset))
                let mine = try await client.call(.get, "/v1/submissions", token: team.token)
                #expect(try mine.decode([SubmissionView].self).count == 2, "refused uploads are not stored")
            }
        }
    }

    static func nextUTCMidnight() -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.startOfDay(for: Date()).addingTimeInterval(86_400)
    }
}
