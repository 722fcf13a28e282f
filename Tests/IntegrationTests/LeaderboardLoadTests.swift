import APIModels
import APIServer
import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import JobRunner
import NIOHTTP1
import Testing

/// 200 concurrent clients read the leaderboard over real sockets while teams submit and a
/// runner updates the board: every request succeeds.
@Suite(.serialized)
struct LeaderboardLoadTests {
    static let readers = 200
    static let readsPerClient = 10
    static let submitters = 10

    @Test func twoHundredReadersWhileSubmissionsFlow() async throws {
        // The per-IP budget is sized for this test (all clients share 127.0.0.1).
        let configuration = APIServerConfiguration(
            tokenRate: 1_000, tokenBurst: 1_000, addressRate: 100_000,
            addressBurst: 100_000, leaderboardCacheMilliseconds: 1000)
        try await ServiceFixture.with(configuration: configuration) { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.live) { raw in
                let client = TestClient(client: raw)
                try await fixture.createContest(
                    client, organizer: try await fixture.organizerToken(),
                    yaml: ServiceFixture.contestYAML(id: "load", heatSize: 16))
                var tokens: [String] = []
                for index in 0..<Self.submitters {
                    tokens.append(try await fixture.register(client, contest: "load", name: "team-\(index)").token)
                }
                var bundles: [[UInt8]] = []
                for index in 0..<Self.submitters {
                    bundles.append(
                        try ServiceFixture.variantBundle(index % 2 == 0 ? "grid" : "breakout", variant: index))
                }
                let http = HTTPClient(
                    eventLoopGroupProvider: .singleton,
                    configuration: .init(
                        connectionPool: .init(
                            idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: Self.readers)))
                let live = LiveCaller(baseURL: "http://127.0.0.1:\(raw.port ?? 0)", client: http)
                let runner = fixture.runner(owner: "load-runner")
                let work = Array(zip(tokens, bundles))
                let started = ContinuousClock.now
                let (failures, accepted, reads) = try await withThrowingTaskGroup(
                    of: (failures: [String], accepted: Int, reads: Int).self
                ) { group in
                    for _ in 0..<Self.readers {
                        group.addTask {
                            var failures: [String] = []
                            for _ in 0..<Self.readsPerClient {
                                do {
                                    let reply = try await live.call(.GET, "/v1/contests/load/leaderboard")
                                    if reply.status != 200 {
                                        failures.append("\(reply.status) \(reply.text.prefix(120))")
                                    }
                                    _ = try APIJSON.decoder().decode(LeaderboardView.self, from: reply.body)
                                } catch {
                                    failures.append("\(error)")
                                }
                            }
                            return (failures, 0, Self.readsPerClient)
                        }
                    }
                    group.addTask {
                        var failures: [String] = []
                        var accepted = 0
                        for (token, bundle) in work {
                            let reply = try await live.call(
                                .POST, "/v1/submissions", token: token, body: bundle,
                                contentType: "application/gzip")
                            if reply.status == 202 { accepted += 1 } else { failures.append("submit \(reply.status)") }
                        }
                        _ = try await runner.runUntilIdle()
                        return (failures, accepted, 0)
                    }
                    var all: (failures: [String], accepted: Int, reads: Int) = ([], 0, 0)
                    for try await part in group {
                        all.failures += part.failures
                        all.accepted += part.accepted
                        all.reads += part.reads
                    }
                    return all
                }
                try await http.shutdown()
                let elapsed = ContinuousClock.now - started
                #expect(failures.isEmpty, "\(failures.count) failures, e.g. \(failures.prefix(3))")
                #expect(reads == Self.readers * Self.readsPerClient)
                #expect(accepted == Self.submitters)
                #expect(elapsed < .seconds(120), "bounded: \(elapsed)")
                try await Task.sleep(for: .milliseconds(1100))
                let board = try await client.call(.get, "/v1/contests/load/leaderboard")
                #expect(try board.decode(LeaderboardView.self).total == Self.submitters, "the board caught up")
            }
        }
    }
}
