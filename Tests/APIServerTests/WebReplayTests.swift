import APIModels
import Foundation
import HTTPTypes
import Testing

@testable import APIServer
@testable import Storage

/// `GET /v1/runs/{id}/replay`: built from the transcript with AuditLog's decoding, verified,
/// bounded, and visible as the transcript is — plus a team's own view before publication.
struct WebReplayTests {
    static func decode(_ reply: RouterClient.Reply) throws -> ReplayDocument {
        try APIJSON.decoder().decode(ReplayDocument.self, from: Data(reply.text.utf8))
    }

    @Test func theReplayShowsPricesFillsEquityAndVerification() async throws {
        let fixture = APIFixture()
        try await fixture.test { client in
            let (organizer, hostile, friendly, run) = try await WebPageTests.setUp(fixture, client)
            #expect(
                try await client.call(.post, "/v1/admin/contests/web/publish", token: organizer).status.code < 300)
            let reply = try await client.call(.get, "/v1/runs/\(run)/replay")
            #expect(reply.status == .ok && reply.headers[.cacheControl] == "public, max-age=3600")
            let replay = try Self.decode(reply)
            #expect(reply.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(replay.view == "full" && replay.ticks == Array(0...8) && replay.equityStride == 1)
            #expect(replay.teams.map(\.teamId).prefix(2) == [String(friendly.id), String(hostile.id)])
            #expect(replay.teams[1].label == WebRunFixture.hostile, "JSON carries the raw name; pages escape it")
            #expect(
                replay.teams.allSatisfy { $0.equityCents.count == 9 } && replay.teams[0].equityCents[0] == 1_000_000)
            let btc = try #require(replay.instruments.first)
            #expect(btc.symbol == "BTC-PERP" && btc.mark.count == 9 && btc.mark.allSatisfy { $0 > 0 })
            #expect(btc.bookBidPrice.count == 9 * replay.bookDepth)
            let atFillTick = replay.fills.tick.indices.filter { replay.fills.tick[$0] == WebRunFixture.fillTick }
            #expect(Set(atFillTick.map { replay.fills.slot[$0] }) == [0, 1], "both sides of the tick-1 trade")
            #expect(
                atFillTick.contains {
                    replay.fills.slot[$0] == 1 && replay.fills.side[$0] == 1 && replay.fills.maker[$0] == 0
                })
            #expect(replay.positions.count > 0)
            #expect(replay.incidents.contains { $0.kind == "fault" && $0.slot == 2 && $0.detail.contains("onerror") })
            let liquidation = try #require(
                replay.incidents.first { $0.kind == "liquidation" }, "the 10 % drop liquidates")
            #expect(liquidation.slot == 1 && liquidation.detail.contains("BTC-PERP"), "\(liquidation)")
            #expect(replay.teams[1].liquidations >= 1 && replay.teams[1].equityCents.last! < 100_000)
            let verification = replay.verification
            #expect(verification.verified && verification.chainValid == true && verification.signatureValid == true)
            #expect(verification.checks.first { $0.name == "replay" }?.passed == true)
            #expect(verification.command == "arena verify \(run)" && verification.attestation != nil)
        }
    }

    @Test func beforePublicationOrganizersSeeAllAndATeamOnlyItself() async throws {
        let fixture = APIFixture()
        try await fixture.test { client in
            let (organizer, hostile, friendly, run) = try await WebPageTests.setUp(fixture, client)
            let outsider = try await fixture.register(client, contest: "web", name: "Late")
            let anonymous = try await client.call(.get, "/v1/runs/\(run)/replay")
            let code = try ErrorShape.code(anonymous)
            #expect(anonymous.status == .forbidden && code == "not_published")
            let other = try await client.call(.get, "/v1/runs/\(run)/replay", token: outsider.token)
            #expect(other.status == .forbidden && !other.text.contains("Trend Riders"))
            let full = try await client.call(.get, "/v1/runs/\(run)/replay", token: organizer)
            #expect(full.status == .ok && full.headers[.cacheControl] == "private, no-store")
            #expect(try Self.decode(full).teams.count == 3)
            let own = try await client.call(.get, "/v1/runs/\(run)/replay", token: friendly.token)
            #expect(own.status == .ok && own.headers[.cacheControl] == "private, no-store")
            let view = try Self.decode(own)
            #expect(view.view == "team" && view.teams.map(\.label) == ["Trend Riders"])
            #expect(Set(view.fills.slot) == [0] && Set(view.positions.slot).isSubset(of: [0]))
            #expect(view.incidents.allSatisfy { $0.slot == 0 || $0.slot == nil })
            #expect(view.verification.attestation == nil)
            #expect(!own.text.contains("onerror") && !own.text.contains("ghost"), "no other team's name or fault")
            _ = hostile
            // A private round's run is sealed for everyone until publication.
            fixture.arena.makePrivate(runId: run)
            #expect(try await client.call(.get, "/v1/runs/\(run)/replay", token: organizer).status == .forbidden)
            #expect(try await client.call(.get, "/v1/runs/\(run)/replay", token: friendly.token).status == .notFound)
            #expect(try await client.call(.get, "/v1/runs/\(run)/replay").status == .forbidden)
        }
    }

    @Test func aTamperedTranscriptIsRefusedAndHugeRunsAreBounded() async throws {
        let fixture = try WebRunFixture(teams: [1, 2, 3], labels: ["a", "b", "c"])
        let run = Storage.RunRecord(
            id: 1, evaluationId: 1, contestId: "web", round: 0, heat: 0, seed: 7, seedPublic: true, status: "complete",
            transcriptRoot: nil)
        var bytes = Array(fixture.bytes)
        bytes[bytes.count / 2] ^= 0xFF
        let tampered = ReplayInput(run: run, published: true, transcript: bytes, attestation: nil, keys: [])
        #expect(throws: ReplayError.self) { try ReplayBuilder().build(tampered) }
        let input = ReplayInput(run: run, published: true, transcript: Array(fixture.bytes), attestation: nil, keys: [])
        let small = ReplayLimits(samples: 10)
        var code = "built"
        do throws(ReplayError) {
            _ = try ReplayBuilder(limits: small).build(input)
        } catch {
            code = error.code
        }
        #expect(code == "replay_too_large")
        let cut = try ReplayBuilder(limits: ReplayLimits(entries: 2)).build(input)
        #expect(cut.truncated && cut.fills.count == 2)
        let sampled = try ReplayBuilder(limits: ReplayLimits(equitySamples: 9)).build(input)
        #expect(sampled.equityStride == 3 && sampled.ticks.count == 9 && sampled.instruments[0].mark.count == 9)
        #expect(sampled.teams.allSatisfy { $0.equityCents.count == 3 })
        #expect(sampled.instruments[0].bookBidPrice.count == 3 * sampled.bookDepth)
        let unsigned = try ReplayBuilder().build(input)
        #expect(!unsigned.verification.verified && unsigned.verification.signatureValid != true)
    }
}
