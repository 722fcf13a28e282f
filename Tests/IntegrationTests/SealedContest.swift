import APIModels
import APIServer
import AsyncHTTPClient
import AuditLog
import BundleKit
import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import JobRunner
import Storage

/// A small contest with a public and a private round, played by Python bots that log the mark
/// price every tick (so a private round's log lines are distinct from the public round's),
/// evaluated by a runner connected as `arena_runner`, served by an API connected as `arena_api`.
struct SealedContest {
    let fixture: RoleFixture
    let client: TestClient
    /// The same server over real sockets (streams).
    let live: LiveCaller
    let runner: RunnerService
    let organizer: String
    let tokens: [String]
    let teamIds: [Int64]
    /// The seed commitments a team saved before publication (oldest evaluation first).
    let commitmentsBefore: [SeedCommitment]

    /// Sets the contest up and runs `evaluations` evaluations; publishes unless `publish` is false.
    static func with(
        id: String, evaluations: Int = 1, publish: Bool = true,
        _ body: @escaping @Sendable (SealedContest) async throws -> Void
    ) async throws {
        try await RoleFixture.with { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.live) { raw in
                let client = TestClient(client: raw)
                let live = LiveCaller(baseURL: "http://127.0.0.1:\(raw.port ?? 0)", client: .shared)
                let organizer = try await fixture.organizerToken()
                let yaml = ServiceFixture.contestYAML(
                    id: id, ticks: 30, rounds: "[{seed: 11, public: true}, {public: false}]")
                let created = try await client.call(
                    .post, "/v1/admin/contests", token: organizer, body: Array(yaml.utf8))
                guard created.status == .created else {
                    throw FixtureError("create: \(created.status) \(created.text)")
                }
                let runner = fixture.runner()
                var tokens: [String] = []
                var teamIds: [Int64] = []
                for name in ["alpha", "beta", "gamma"] {
                    let registered = try await client.json(
                        .post, "/v1/contests/\(id)/teams", TeamRegistrationRequest(name: name))
                    guard registered.status == .created else { throw FixtureError("register: \(registered.text)") }
                    let response = try registered.decode(TeamRegistrationResponse.self)
                    tokens.append(response.token)
                    teamIds.append(response.teamId)
                }
                var commitments: [SeedCommitment] = []
                for round in 0..<evaluations {
                    for (index, token) in tokens.enumerated() {
                        let submitted = try await client.call(
                            .post, "/v1/submissions", token: token, body: try bundle(variant: round * 10 + index))
                        guard submitted.status == .accepted else { throw FixtureError("submit: \(submitted.text)") }
                    }
                    _ = try await runner.runUntilIdle()
                    let evaluation = try await RoleFixture.sql(
                        fixture.owner, "SELECT max(id)::text FROM evaluations WHERE contest_id = '\(id)'")
                    let reply = try await client.call(
                        .get, "/v1/contests/\(id)/evaluations/\(evaluation.first ?? "0")/seeds", token: tokens[0])
                    guard reply.status == .ok else { throw FixtureError("seeds: \(reply.status) \(reply.text)") }
                    commitments.append(try SeedCommitment.decode(canonical: Array(reply.body)))
                }
                let contest = SealedContest(
                    fixture: fixture, client: client, live: live, runner: runner, organizer: organizer, tokens: tokens,
                    teamIds: teamIds, commitmentsBefore: commitments)
                if publish {
                    let published = try await client.call(
                        .post, "/v1/admin/contests/\(id)/publish", token: organizer)
                    guard published.status == .ok || published.status == .accepted else {
                        throw FixtureError("publish: \(published.status) \(published.text)")
                    }
                    _ = try await runner.runUntilIdle()
                    let board = try await client.call(.get, "/v1/contests/\(id)/board")
                    guard board.status == .ok else { throw FixtureError("board: \(board.status) \(board.text)") }
                }
                try await body(contest)
            }
        }
    }

    /// A Python bot that logs the mark price each tick (and a line on stderr), unique per variant;
    /// lines end in ` ;` so no line is a prefix of another.
    static func bundle(variant: Int) throws -> [UInt8] {
        let directory = NSTemporaryDirectory() + "sealed-bot-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try """
        name: sealed-bot-\(variant)
        runtime: python
        entry: bot.py
        """.write(toFile: directory + "/strategy.yaml", atomically: true, encoding: .utf8)
        try """
        import sys
        from decimal import Decimal

        import perparena as pa

        class Logger(pa.Bot):
            def on_tick(self, obs):
                market = obs.market("BTC-PERP")
                if market is None:
                    return []
                pa.log("marker-\(variant) tick %d mark %s ;" % (obs.tick, market.mark_price))
                sys.stderr.write("stderr-\(variant) tick %d mark %s ;\\n" % (obs.tick, market.mark_price))
                if obs.tick == 1:
                    return [pa.place("BTC-PERP", "buy", Decimal("0.01"), client_id=1)]
                return []

        if __name__ == "__main__":
            pa.run(Logger())
        """.write(toFile: directory + "/bot.py", atomically: true, encoding: .utf8)
        return try BundleArchive.pack(directory: directory, limits: BundleLimits())
    }

    static func sha256(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }

    /// Whether the board's signature verifies with a key served at `/v1/keys`.
    static func verifies(_ board: SignedBoard, client: TestClient) async throws -> Bool {
        let keys = try await client.call(.get, "/v1/keys").decode([PublicKeyView].self)
        guard let key = keys.first(where: { $0.keyId == board.keyID }), let raw = Data(base64Encoded: key.publicKey)
        else { return false }
        return board.verify(publicKey: try Curve25519.Signing.PublicKey(rawRepresentation: raw))
    }
}
