import APIModels
import Foundation
import HTTPTypes
import Synchronization
import Testing

@testable import APIServer
@testable import Storage

/// Streams are capped per address and in total; unpublished artifacts are never cached; team-
/// visible status details never carry runner error text; `/metrics` needs an organizer token.
struct StreamAndArtifactTests {
    @Test func streamsAreCappedPerAddressAndInTotal() async throws {
        var configuration = APIFixture.configuration()
        configuration.maxStreamsPerAddress = 2
        configuration.maxStreams = 3
        let fixture = APIFixture(configuration: configuration)
        try await fixture.test { client in
            let organizer = fixture.arena.addOrganizer()
            try await fixture.createContest(client, organizer: organizer, yaml: APIFixture.contestYAML(id: "sse"))
            let streams = fixture.api.limits.streams
            var held = [try streams.open(address: "unknown"), try streams.open(address: "unknown")]
            let perAddress = try await client.call(.get, "/v1/contests/sse/leaderboard/stream")
            #expect(perAddress.status == .tooManyRequests)
            try ErrorShape.expect(perAddress, "stream per address")
            #expect(try ErrorShape.code(perAddress) == "too_many_streams")
            #expect(perAddress.headers[.retryAfter] != nil)

            held.append(try streams.open(address: "198.51.100.1"))
            let total = try await client.call(.get, "/v1/contests/sse/leaderboard/stream")
            #expect(total.status == .serviceUnavailable)
            #expect(try ErrorShape.code(total) == "streams_full")

            held[0].release()
            held[0].release()  // releasing twice gives one place back
            #expect(streams.count() == 2)
            let served = try await client.call(.get, "/v1/contests/sse/leaderboard/stream")
            #expect(served.status == .ok && served.text.hasPrefix("event: leaderboard"))
            #expect(streams.count() == 2, "the finished stream gave its place back")
            let missing = try await client.call(.get, "/v1/contests/none/leaderboard/stream")
            #expect(missing.status == .notFound)
            #expect(streams.count() == 2, "a refused stream gives its place back too")
            held.removeAll()
            #expect(streams.count() == 0, "dropped leases give their places back")
        }
    }

    @Test func unpublishedArtifactsAreNeverCached() async throws {
        let fixture = APIFixture()
        try await fixture.test { client in
            let organizer = fixture.arena.addOrganizer()
            try await fixture.createContest(client, organizer: organizer, yaml: APIFixture.contestYAML(id: "art"))
            let team = try await fixture.register(client, contest: "art", name: "t")
            let run = fixture.arena.addRun(contestId: "art", teams: [team.id])
            for path in ["/v1/runs/\(run)/transcript", "/v1/runs/\(run)/attestation"] {
                let before = try await client.call(.get, path, token: organizer)
                #expect(before.status == .ok)
                #expect(before.headers[.cacheControl] == "private, no-store", "\(path) before publication")
                #expect(try await client.call(.get, path).status == .forbidden)
            }
            let organizerBoard = try await client.call(.get, "/v1/contests/art/leaderboard", token: organizer)
            #expect(organizerBoard.headers[.cacheControl] == "private, no-store")
            fixture.arena.state.withLock { $0.contests["art"]?.publishedAt = Date() }
            for path in ["/v1/runs/\(run)/transcript", "/v1/runs/\(run)/attestation"] {
                let after = try await client.call(.get, path)
                #expect(after.status == .ok)
                #expect(after.headers[.cacheControl] == "public, max-age=3600", "\(path) after publication")
            }
        }
    }

    @Test func statusDetailsAreScrubbedForTeams() async throws {
        let fixture = APIFixture()
        try await fixture.test { client in
            let organizer = fixture.arena.addOrganizer()
            try await fixture.createContest(client, organizer: organizer, yaml: APIFixture.contestYAML(id: "scrub"))
            let team = try await fixture.register(client, contest: "scrub", name: "t")
            let accepted = try await client.call(
                .post, "/v1/submissions", token: team.token, body: Array("valid a".utf8))
            let id = try accepted.decode(SubmissionView.self).id
            try await fixture.arena.transitionSubmission(
                id: id, to: "running", detail: "evaluation 4", validationReport: nil, charged: nil)
            try await fixture.arena.transitionSubmission(
                id: id, to: "failed",
                detail: "platform failure, not charged: cannot open /var/lib/perparena/work/run-17/bundle: EACCES",
                validationReport: nil, charged: false)
            try await fixture.arena.transitionSubmission(
                id: id, to: "failed", detail: "worker crashed at /home/runner/.build/debug/arena-worker line 3",
                validationReport: nil, charged: nil)
            let reply = try await client.call(.get, "/v1/submissions/\(id)", token: team.token)
            let history = try reply.decode(SubmissionView.self).statusHistory.compactMap(\.detail)
            #expect(history.contains("evaluation 4"))
            #expect(
                history.contains(
                    "platform_failure: the platform failed to evaluate this submission; it was not charged"))
            #expect(history.contains("internal: details withheld; the organizers can see them"))
            #expect(
                !reply.text.contains("/var/lib") && !reply.text.contains("/home/") && !reply.text.contains("EACCES"))
        }
    }

    @Test func metricsNeedAnOrganizerToken() async throws {
        let fixture = APIFixture()
        let organizer = fixture.arena.addOrganizer()
        try await fixture.test { client in
            #expect(try await client.call(.get, "/metrics").status == .unauthorized)
            let reply = try await client.call(.get, "/metrics", token: organizer)
            #expect(reply.status == .ok)
            #expect(reply.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
        }
    }

    @Test func readinessFailuresDoNotLeakTheReason() async throws {
        struct Down: Error, CustomStringConvertible {
            var description: String { "connect to /run/postgresql/.s.PGSQL.5432 failed: password for arena" }
        }
        let fixture = APIFixture { throw Down() }
        try await fixture.test { client in
            let reply = try await client.call(.get, "/readyz")
            #expect(reply.status == .serviceUnavailable)
            #expect(!reply.text.contains("/run/") && !reply.text.contains("password"))
        }
    }
}
