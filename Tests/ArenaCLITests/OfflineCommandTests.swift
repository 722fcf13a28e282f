import Foundation
import Testing

/// Exit codes and `--json` shapes of the commands that need no server: init, check, backtest,
/// submit --dry-run (with .arenaignore), completions, logout, and error bodies.
@Suite(.serialized)
struct OfflineCommandTests {
    /// A Python bundle whose bot does not compile: it crashes on its first tick.
    static let brokenPython = (
        manifest: "name: broken\nruntime: python\nentry: bot.py\n",
        bot: "import perparena as pa\n\nclass Bot(pa.Bot)\n    def on_tick(self, obs):\n        return []\n"
    )

    @Test func initAndCheckFollowTheExitCodeTableWithSnakeCaseJSON() async throws {
        try await OfflineCLI.with { offline in
            let cli = offline.cli
            let created = try await cli.run(["init", "bot", "--json"])
            #expect(created.status == 0, "\(created)")
            #expect(try JSONKeys.nonSnakeCase(created.stdout) == [], "\(created.stdout)")

            let badTemplate = try await cli.run(["init", "x", "--template", "cobol", "--json"])
            #expect(badTemplate.status == 2, "\(badTemplate)")
            #expect(try JSONKeys.all(badTemplate.stdout).contains("exit_code"), "\(badTemplate.stdout)")
            #expect(try JSONKeys.nonSnakeCase(badTemplate.stdout) == [])

            let checked = try await cli.run(["check", "bot", "--json"])
            #expect(checked.status == 0, "\(checked)")
            #expect(try JSONKeys.nonSnakeCase(checked.stdout) == [], "\(checked.stdout)")
            #expect(try JSONKeys.all(checked.stdout).contains("step_budget"), "\(checked.stdout)")

            try offline.write(
                "typo/strategy.yaml",
                "name: typo\nruntime: rules\nmarkets: [BTC-PERP]\nrules:\n  - when: mark > smaa(mark, 20)\n    do:\n      - target_position: 1\n"
            )
            let invalid = try await cli.run(["check", "typo", "--json"])
            #expect(invalid.status == 1, "\(invalid)")
            #expect(try JSONKeys.nonSnakeCase(invalid.stdout) == [], "\(invalid.stdout)")
            #expect(try JSONKeys.all(invalid.stdout).contains("offending_text"), "\(invalid.stdout)")
            let invalidText = try await cli.run(["check", "typo"])
            #expect(invalidText.status == 1)
            #expect(invalidText.stdout.contains("smaa"))

            let missing = try await cli.run(["check", "no-such-dir"])
            #expect(missing.status == 2, "an unreadable path is exit code 2: \(missing)")
        }
    }

    @Test func backtestExitsOneWhenABotFaults() async throws {
        try await OfflineCLI.with { offline in
            let cli = offline.cli
            try offline.write("broken/strategy.yaml", Self.brokenPython.manifest)
            try offline.write("broken/bot.py", Self.brokenPython.bot)
            let text = try await cli.run(["backtest", "broken", "--ticks", "10"])
            #expect(text.status == 1, "a crashed bot fails the backtest: \(text)")
            #expect(text.stdout.contains("RETURN"), "the report is still printed")
            #expect(text.stderr.contains("broken faulted"), "\(text)")
            #expect(text.stderr.contains("--logs"), "\(text)")

            let json = try await cli.run(["backtest", "broken", "--ticks", "10", "--json"])
            #expect(json.status == 1, "\(json)")
            #expect(try JSONKeys.nonSnakeCase(json.stdout) == [], "\(json.stdout)")
            let report = try json.decode(JourneyTests.Backtest.self)
            #expect(report.teams.first?.fault != nil)
        }
    }

    @Test func backtestJSONAndChart() async throws {
        try await OfflineCLI.with { offline in
            let cli = offline.cli
            _ = try await cli.run(["init", "pybot", "--template", "python"])
            let run = try await cli.run(["backtest", "pybot", "--ticks", "60", "--plot", "equity.svg", "--json"])
            #expect(run.status == 0, "\(run)")
            #expect(try JSONKeys.nonSnakeCase(run.stdout) == [], "\(run.stdout)")
            let keys = try JSONKeys.all(run.stdout)
            for key in ["transcript_root", "final_equity", "return_percent", "max_drawdown", "fill_ticks"] {
                #expect(keys.contains(key), "\(key) in backtest --json")
            }
            struct Report: Decodable {
                struct Team: Decodable {
                    var trades: Int
                    var fillTicks: [Int64]
                    var equity: [String]
                }
                var teams: [Team]
            }
            let team = try #require(try run.decode(Report.self).teams.first)
            #expect(team.trades > 0, "the python template trades within 60 ticks")
            #expect(!team.fillTicks.isEmpty && team.fillTicks.count <= team.trades)
            #expect(team.fillTicks.allSatisfy { $0 >= 0 && $0 < 60 })
            let svg = try String(contentsOfFile: offline.work + "/equity.svg", encoding: .utf8)
            #expect(svg.contains("time (ticks)"))
            #expect(svg.contains("equity (USDT)"))
            #expect(svg.contains("deposit"))
            #expect(svg.contains("stroke-dasharray"), "the deposit is a dashed reference line")
            #expect(svg.components(separatedBy: "<circle").count - 1 >= team.fillTicks.count, "fills are marked")
            #expect(svg.components(separatedBy: "text-anchor=\"middle\">").count > 4, "the time axis has labels")

            // The plot was written outside the bundle here; inside it, it is left out.
            let inside = try await cli.run(["backtest", "pybot", "--ticks", "5", "--plot", "pybot/equity.svg"])
            #expect(inside.status == 0, "\(inside)")
            struct Files: Decodable { var files: [String] }
            let submitted = try await cli.run(["submit", "pybot", "--dry-run", "--json"])
            #expect(submitted.status == 0, "\(submitted)")
            #expect(try submitted.decode(Files.self).files == ["README.md", "bot.py", "strategy.yaml"], "\(submitted)")
        }
    }

    @Test func submitUploadsOnlyTheBundlesFiles() async throws {
        try await OfflineCLI.with { offline in
            let cli = offline.cli
            _ = try await cli.run(["init", "bot", "--template", "python"])
            try offline.write("bot/equity.svg", "<svg/>")
            try offline.write("bot/keep.svg", "<svg/>")
            try offline.write("bot/__pycache__/bot.cpython-312.pyc", "x")
            try offline.write("bot/helpers.pyc", "x")
            try offline.write("bot/.venv/lib/site.py", "x")
            try offline.write("bot/data/big.csv", "1,2,3\n")
            try offline.write("bot/lib/util.py", "X = 1\n")
            try offline.write("bot/.DS_Store", "x")
            try offline.write("bot/.arenaignore", "# local data\ndata/\n!keep.svg\n")
            try FileManager.default.createSymbolicLink(
                atPath: offline.work + "/bot/.venv/python", withDestinationPath: "/usr/bin/python3")

            struct DryRun: Decodable {
                var name: String
                var sha256: String
                var files: [String]
                var ignored: [String]
            }
            let result = try await cli.run(["submit", "bot", "--dry-run", "--json"])
            #expect(result.status == 0, "\(result)")
            #expect(try JSONKeys.nonSnakeCase(result.stdout) == [], "\(result.stdout)")
            let dryRun = try result.decode(DryRun.self)
            #expect(dryRun.files == ["README.md", "bot.py", "keep.svg", "lib/util.py", "strategy.yaml"], "\(dryRun)")
            #expect(
                dryRun.ignored == [
                    ".DS_Store", ".arenaignore", ".venv/", "__pycache__/", "data/", "equity.svg", "helpers.pyc",
                ], "\(dryRun)")
            let text = try await cli.run(["submit", "bot", "--dry-run"])
            #expect(text.status == 0)
            #expect(text.stdout.contains("Left out"))

            // The same files give the same hash whatever is left out beside them.
            try offline.write("bot/later.svg", "<svg/>")
            let again = try await cli.run(["submit", "bot", "--dry-run", "--json"]).decode(DryRun.self)
            #expect(again.sha256 == dryRun.sha256)

            // A link that is not ignored is refused with a way out.
            try FileManager.default.createSymbolicLink(
                atPath: offline.work + "/bot/link.py", withDestinationPath: "lib/util.py")
            let linked = try await cli.run(["submit", "bot", "--dry-run"])
            #expect(linked.status == 1, "\(linked)")
            #expect(linked.stderr.contains(".arenaignore"), "\(linked)")

            // check notices an entry that would not be uploaded.
            try FileManager.default.removeItem(atPath: offline.work + "/bot/link.py")
            try offline.write("bot/.arenaignore", "bot.py\n")
            let excluded = try await cli.run(["check", "bot"])
            #expect(excluded.status == 1, "\(excluded)")
            #expect(excluded.stdout.contains(".arenaignore"), "\(excluded)")
        }
    }

    @Test func tokensAreNeverEchoedAndHintsFitTheAudience() async throws {
        try await OfflineCLI.with { offline in
            let cli = offline.cli
            let secret = "pa_team_S3CRETS3CRET"
            for damaged in [secret + "\n", secret + "\u{01}x", "\"" + secret + "\"", secret + " extra"] {
                for arguments in [["whoami"], ["status", "--json"], ["leaderboard", "--contest", "x"]] {
                    let result = try await cli.run(arguments, extra: ["ARENA_TOKEN": damaged])
                    #expect(result.status == 3, "\(arguments): \(result)")
                    #expect(!result.stdout.contains("S3CRET") && !result.stderr.contains("S3CRET"), "\(result)")
                    #expect((result.stdout + result.stderr).contains("malformed"), "\(result)")
                }
            }
            let typo = try await cli.run(["whoami", secret])
            #expect(typo.status == 64, "\(typo)")
            #expect(!typo.stderr.contains("S3CRET"), "argument errors do not echo tokens: \(typo)")
            #expect(typo.stderr.contains("pa_team_‹redacted›"), "\(typo)")
            let login = try await cli.run(["login", "--token", secret + " x"])
            #expect(login.status == 3, "\(login)")
            #expect(!login.stderr.contains("S3CRET"), "\(login)")

            let team = try await cli.run(["status"], extra: ["ARENA_TOKEN": secret])
            #expect(team.status == 4, "\(team)")
            #expect(!team.stderr.contains("arena-server"), "a team cannot start the server: \(team)")
            #expect(team.stderr.contains("organizers"), "\(team)")
            let organizer = try await cli.run(["admin", "teams", "x"], extra: ["ARENA_TOKEN": "pa_org_x"])
            #expect(organizer.status == 4, "\(organizer)")
            #expect(organizer.stderr.contains("arena-server serve"), "organizers get the operator hint: \(organizer)")

            let logout = try await cli.run(["logout", "--json"])
            #expect(logout.status == 0, "\(logout)")
            #expect(try JSONKeys.nonSnakeCase(logout.stdout) == [])
            let error = try await cli.run(["whoami", "--json"])
            #expect(error.status == 3, "\(error)")
            #expect(try JSONKeys.nonSnakeCase(error.stdout) == [], "\(error.stdout)")
        }
    }
}
