import Foundation
import Testing

/// Output into a pipe whose reader goes away (`arena status | head -1`): every command exits
/// quietly and at once, with exit code 0 and nothing on standard error (no crash, no backtrace).
@Suite(.serialized)
struct PipeTests {
    /// What `arena …` did when its standard output went into `reader`.
    struct Piped: CustomStringConvertible {
        var status: Int32
        var stderr: String
        var seconds: Double
        var description: String { "exit \(status) after \(seconds)s, stderr: \(stderr)" }
    }

    /// A reader that closes the pipe at once, without reading anything.
    static let closing = "(exec 0<&-; sleep 0.3)"

    /// Runs `arena arguments | reader` in bash; times `arena` alone.
    static func piped(_ cli: CLIProcess, _ arguments: [String], into reader: String) async throws -> Piped {
        let scratch = NSTemporaryDirectory() + "arena-pipe-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let script = """
            date +%s%N >"$D/start"
            { "$0" "$@" 2>"$D/err"; echo $? >"$D/status"; date +%s%N >"$D/end"; } | \(reader)
            """
        let shell = CLIProcess(executable: "/bin/bash", environment: cli.environment, directory: cli.directory)
        let result = try await shell.run(
            ["-c", script, cli.executable] + arguments, extra: ["D": scratch])
        #expect(result.status == 0, "\(result)")
        func read(_ name: String) -> String {
            ((try? String(contentsOfFile: scratch + "/" + name, encoding: .utf8)) ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let start = Double(read("start")) ?? 0
        let end = Double(read("end")) ?? 0
        return Piped(status: Int32(read("status")) ?? -1, stderr: read("err"), seconds: (end - start) / 1e9)
    }

    @Test func offlineCommandsSurviveAClosedPipe() async throws {
        try await OfflineCLI.with { offline in
            let cli = offline.cli
            _ = try await cli.run(["init", "bot"])
            let scenario = LiveServer.repositoryRoot.appendingPathComponent("Seeds/scenarios/background-market.json")
                .path
            let cases: [([String], String)] = [
                (["sim", scenario], "head -1"),
                (["sim", scenario], Self.closing),
                (["completions", "bash"], "head -1"),
                (["--help"], Self.closing),
                (["check", "bot"], Self.closing),
                (["check", "bot", "--json"], Self.closing),
                (["init", "other", "--json"], Self.closing),
                (["submit", "bot", "--dry-run"], Self.closing),
                (["backtest", "bot", "--ticks", "5"], Self.closing),
            ]
            for (arguments, reader) in cases {
                let piped = try await Self.piped(cli, arguments, into: reader)
                #expect(piped.status == 0, "\(arguments) | \(reader): \(piped)")
                #expect(piped.stderr.isEmpty, "\(arguments) | \(reader): \(piped)")
            }
            // An error still reports on standard error (and its exit code) when stdout is gone.
            let failing = try await Self.piped(cli, ["whoami"], into: Self.closing)
            #expect(failing.status == 3, "\(failing)")
            #expect(failing.stderr.contains("no token"), "\(failing)")
        }
    }

    @Test func serverCommandsSurviveAClosedPipe() async throws {
        try await LiveServer.with { server in
            let cli = server.cli
            let organizer = try await server.organizerToken()
            let file = try server.writeContest(id: "pipe")
            _ = try await cli.run(["admin", "contest", "create", file], extra: ["ARENA_TOKEN": organizer])
            for index in 0..<30 {
                let team = try await cli.run(
                    ["register", "--profile", "t\(index)", "--contest", "pipe", "--name", "team-\(index)"])
                #expect(team.status == 0, "\(team)")
            }
            _ = try await cli.run(["register", "--contest", "pipe", "--name", "mine"])
            let cases: [([String], String)] = [
                (["status"], "head -1"),
                (["status"], Self.closing),
                (["status", "--json"], Self.closing),
                (["leaderboard"], "head -1"),
                (["leaderboard"], Self.closing),
                (["leaderboard", "--json"], "head -1"),
                (["contests"], Self.closing),
                (["whoami"], Self.closing),
                (["admin", "teams", "pipe", "--profile", "t0"], Self.closing),
            ]
            for (arguments, reader) in cases {
                let piped = try await Self.piped(cli, arguments, into: reader)
                let expected: Int32 = arguments.first == "admin" ? 3 : 0
                #expect(piped.status == expected, "\(arguments) | \(reader): \(piped)")
                if expected == 0 { #expect(piped.stderr.isEmpty, "\(arguments) | \(reader): \(piped)") }
                #expect(piped.seconds < 1, "\(arguments) | \(reader) exits at once: \(piped)")
            }
        }
    }
}
