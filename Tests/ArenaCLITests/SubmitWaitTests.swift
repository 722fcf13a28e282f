import Foundation
import Testing

/// `submit --wait` against a server that restarts, rejects, or ranks a bot as faulted.
@Suite(.serialized)
struct SubmitWaitTests {
    /// A team profile (team 1 in contest `fake`) pointing at `server`.
    static func profile(_ offline: OfflineCLI, server: FakeArenaServer) throws -> [String: String] {
        let path = offline.home + "/config.json"
        let config = """
            {"current_profile": "default", "profiles": {"default": {"server": "http://127.0.0.1:\(server.port)",
             "token": "pa_team_fake", "contest": "fake", "team_id": 1, "team_name": "alpha", "role": "team"}}}
            """
        try Data(config.utf8).write(to: URL(fileURLWithPath: path))
        return ["ARENA_CONFIG": path, "ARENA_SERVER": "http://127.0.0.1:\(server.port)", "ARENA_POLL_MS": "100"]
    }

    @Test func waitRidesOutAServerRestart() async throws {
        try await OfflineCLI.with { offline in
            _ = try await offline.cli.run(["init", "bot"])
            let server = FakeArenaServer(.init(submissionStatus: "running"))
            try await server.start()
            let settings = try Self.profile(offline, server: server)
            async let waiting = offline.cli.run(["submit", "bot", "--wait", "--timeout", "60"], extra: settings)
            for _ in 0..<100 where server.pollCount < 2 { try await Task.sleep(for: .milliseconds(50)) }
            await server.stop()
            try await Task.sleep(for: .milliseconds(2500))
            server.update { $0.submissionStatus = "scored" }
            try await server.start()
            let result = try await waiting
            await server.stop()
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("Scored."), "\(result)")
            #expect(
                result.stderr.contains(
                    "server unreachable, retrying in 1s (your submission 7 continues on the server; follow it with `arena status 7`)"
                ), "\(result)")
            #expect(!result.stderr.contains("arena-server"), "no operator hints for a team: \(result)")
        }
    }

    @Test func waitExitsOneWhenRejectedOrFaulted() async throws {
        try await OfflineCLI.with { offline in
            _ = try await offline.cli.run(["init", "bot"])
            let server = FakeArenaServer(.init(submissionStatus: "rejected"))
            try await server.start()
            let settings = try Self.profile(offline, server: server)
            let rejected = try await offline.cli.run(["submit", "bot", "--wait"], extra: settings)
            #expect(rejected.status == 1, "\(rejected)")
            #expect(rejected.stdout.contains("strategy.yaml: broken"), "the reason is shown: \(rejected)")

            server.update {
                $0.submissionStatus = "scored"
                $0.rowStatus = "faulted"
                $0.fault = "crashed"
            }
            let faulted = try await offline.cli.run(["submit", "bot", "--wait"], extra: settings)
            #expect(faulted.status == 1, "\(faulted)")
            #expect(faulted.stdout.contains("faulted (crashed)"), "\(faulted)")
            let json = try await offline.cli.run(["submit", "bot", "--wait", "--json"], extra: settings)
            #expect(json.status == 1, "\(json)")
            #expect(try JSONKeys.nonSnakeCase(json.stdout) == [], "\(json.stdout)")

            server.update {
                $0.rowStatus = "scored"
                $0.fault = nil
            }
            let scored = try await offline.cli.run(["submit", "bot", "--wait"], extra: settings)
            #expect(scored.status == 0, "\(scored)")
            #expect(scored.stdout.contains("Rank 1"), "\(scored)")

            server.update { $0.submissionStatus = "running" }
            let timedOut = try await offline.cli.run(["submit", "bot", "--wait", "--timeout", "1"], extra: settings)
            #expect(timedOut.status == 7, "\(timedOut)")
            await server.stop()
        }
    }
}
