import Foundation
import Testing

/// Failures: exit codes and messages that say what to do next.
@Suite(.serialized)
struct ErrorTests {
    /// `{"error": {...}}` printed with --json.
    struct ErrorBody: Decodable {
        struct Detail: Decodable {
            var code: String
            var message: String
            var hint: String?
            var exitCode: Int32
        }

        var error: Detail
    }

    @Test func failuresHaveExitCodesAndNextSteps() async throws {
        try await LiveServer.with { server in
            let cli = server.cli
            let notLoggedIn = try await cli.run(["status"])
            #expect(notLoggedIn.status == 3, "\(notLoggedIn)")
            #expect(notLoggedIn.stderr.contains("arena register"))

            let badToken = try await cli.run(["whoami"], extra: ["ARENA_TOKEN": "pa_team_bogus"])
            #expect(badToken.status == 3, "\(badToken)")
            #expect(badToken.stderr.contains("arena login"))

            let json = try await cli.run(["whoami", "--json"], extra: ["ARENA_TOKEN": "pa_team_bogus"])
            #expect(json.status == 3)
            let body = try json.decode(ErrorBody.self)
            #expect(body.error.code == "unauthorized")
            #expect(body.error.exitCode == 3)

            let unreachable = try await cli.run(
                ["whoami", "--server", "http://127.0.0.1:9"],
                extra: ["ARENA_TOKEN": "pa_team_x"])
            #expect(unreachable.status == 4, "\(unreachable)")
            #expect(unreachable.stderr.contains("cannot reach"))
            #expect(unreachable.stderr.contains("check the address"), "a team gets a hint it can act on")

            let noContest = try await cli.run(["register", "--contest", "nope", "--name", "x"])
            #expect(noContest.status == 5, "\(noContest)")
            #expect(noContest.stderr.contains("not found"))

            let noBundle = try await cli.run(["submit", "missing-dir"], extra: ["ARENA_TOKEN": "pa_team_x"])
            #expect(noBundle.status == 2, "\(noBundle)")
            #expect(noBundle.stderr.contains("arena init"))

            let template = try await cli.run(["init", "x", "--template", "cobol"])
            #expect(template.status == 2)
            #expect(template.stderr.contains("rules, python"))

            let help = try await cli.run(["--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("Exit codes"))
            for command in [
                "init", "check", "backtest", "register", "login", "whoami", "submit", "status", "logs",
                "leaderboard", "verify", "admin", "contests",
            ] {
                let page = try await cli.run([command, "--help"])
                #expect(page.status == 0, "\(command): \(page)")
                #expect(page.stdout.contains("arena \(command)"), "\(command) --help has an example")
            }
            let completions = try await cli.run(["completions", "bash"])
            #expect(completions.status == 0)
            #expect(completions.stdout.contains("arena"))
        }
    }

    @Test func pythonTemplateChecksAndBacktests() async throws {
        try await LiveServer.with { server in
            let cli = server.cli
            let created = try await cli.run(["init", "pybot", "--template", "python", "--json"])
            #expect(created.status == 0, "\(created)")
            let checked = try await cli.run(["check", "pybot"])
            #expect(checked.status == 0, "\(checked)")
            let backtest = try await cli.run(["backtest", "pybot", "--ticks", "40", "--with", "pybot"])
            #expect(backtest.status == 0, "\(backtest)")
            #expect(backtest.stdout.contains("pybot-1"))
        }
    }
}
