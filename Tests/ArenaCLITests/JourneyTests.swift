import APIModels
import Foundation
import JobRunner
import Storage
import Testing

/// The README journey through the real `arena` binary against a live server: init, check,
/// backtest, register, whoami, submit --wait, status, leaderboard, logs, verify, admin.
@Suite(.serialized)
struct JourneyTests {
    /// `arena backtest --json` fields the test reads.
    struct Backtest: Decodable, Equatable {
        struct Team: Decodable, Equatable {
            var name: String
            var trades: Int
            var equity: [String]
            var fault: String?
        }

        var seed: UInt64
        var ticks: Int
        var transcriptRoot: String
        var teams: [Team]
    }

    /// `arena status --json`.
    struct Overview: Decodable {
        var team: TeamView
        var submissions: [SubmissionView]
        var runs: [RunSummaryView]
    }

    @Test func teamJourneyFromInitToVerify() async throws {
        try await LiveServer.with { server in
            let cli = server.cli
            // Organizer sets up a contest.
            let organizer = try await server.organizerToken()
            let login = try await cli.run(["login", "--profile", "org", "--token", organizer])
            #expect(login.status == 0, "\(login)")
            let contestFile = try server.writeContest(id: "cli")
            let created = try await cli.run(["admin", "contest", "create", contestFile, "--profile", "org"])
            #expect(created.status == 0, "\(created)")
            #expect(created.stdout.contains("Created contest cli"))
            let again = try await cli.run(["admin", "contest", "create", contestFile, "--profile", "org"])
            #expect(again.status == 5, "\(again)")
            #expect(again.stderr.contains("arena admin contest update"))

            // init → check → backtest.
            let initialized = try await cli.run(["init", "bot"])
            #expect(initialized.status == 0, "\(initialized)")
            #expect(FileManager.default.fileExists(atPath: server.home + "/work/bot/strategy.yaml"))
            let checked = try await cli.run(["check", "bot"])
            #expect(checked.status == 0, "\(checked)")
            let first = try await cli.run(["backtest", "bot", "--ticks", "60", "--json"])
            #expect(first.status == 0, "\(first)")
            let report = try first.decode(Backtest.self)
            #expect(report.ticks == 60)
            #expect(report.teams.count == 1)
            #expect(report.teams.first?.equity.count == 61)
            #expect(report.teams.first?.fault == nil)
            let second = try await cli.run(["backtest", "bot", "--ticks", "60", "--json"])
            #expect(second.stdout == first.stdout, "the same bundle and seed give identical output")
            let plotted = try await cli.run(["backtest", "bot", "--ticks", "30", "--plot", "equity.svg"])
            #expect(plotted.status == 0, "\(plotted)")
            #expect(plotted.stdout.contains("RETURN"))
            #expect(
                (try? String(contentsOfFile: server.home + "/work/equity.svg", encoding: .utf8))?.contains("<svg")
                    == true)

            // register → whoami.
            let registered = try await cli.run(["register", "--contest", "cli", "--name", "alpha", "--json"])
            #expect(registered.status == 0, "\(registered)")
            let registration = try registered.decode(TeamRegistrationResponse.self)
            #expect(registration.token.hasPrefix("pa_team_"))
            let attributes = try FileManager.default.attributesOfItem(
                atPath: server.home + "/.config/arena/config.json")
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let whoami = try await cli.run(["whoami"])
            #expect(whoami.status == 0, "\(whoami)")
            #expect(whoami.stdout.contains("alpha"))
            #expect(!whoami.stdout.contains(registration.token), "the token is printed only when created")

            // submit --wait while the runner evaluates.
            async let submitting = cli.run(["submit", "bot", "--wait", "--timeout", "60"])
            let store = server.store
            var scored = false
            for _ in 0..<200 where !scored {
                _ = try await server.runner.runUntilIdle()
                scored = try await store.submissions(teamId: registration.teamId).first?.status == "scored"
                if !scored { try await Task.sleep(for: .milliseconds(150)) }
            }
            let submitted = try await submitting
            #expect(submitted.status == 0, "\(submitted)")
            #expect(submitted.stdout.contains("Scored"), "\(submitted)")
            #expect(submitted.stderr.contains("running"), "live status transitions")

            // status, leaderboard, logs.
            let status = try await cli.run(["status", "--json"])
            #expect(status.status == 0, "\(status)")
            let overview = try status.decode(Overview.self)
            #expect(overview.team.name == "alpha")
            #expect(overview.submissions.first?.status == "scored")
            let run = try #require(overview.runs.first?.runId)
            let board = try await cli.run(["leaderboard"])
            #expect(board.status == 0, "\(board)")
            #expect(board.stdout.contains("alpha"))
            let boardJSON = try await cli.run(["leaderboard", "--json"]).decode(LeaderboardView.self)
            #expect(boardJSON.rows.map(\.team) == ["alpha"])
            let logs = try await cli.run(["logs", "--json"])
            #expect(logs.status == 0, "\(logs)")
            #expect(try logs.decode(RunReportView.self).runId == run)

            // verify: before publication only organizers may fetch the transcript.
            let early = try await cli.run(["verify", "\(run)"])
            #expect(early.status == 2, "\(early)")
            #expect(early.stderr.contains("publish"))
            let organizerVerify = try await cli.run(["verify", "\(run)", "--profile", "org"])
            #expect(organizerVerify.status == 0, "\(organizerVerify)")
            let published = try await cli.run(["admin", "publish", "cli", "--profile", "org"])
            #expect(published.status == 0, "\(published)")
            let verified = try await cli.run(["verify", "\(run)"])
            #expect(verified.status == 0, "\(verified)")
            #expect(verified.stdout.contains("VERIFIED"))

            // organizer views.
            let teams = try await cli.run(["admin", "teams", "cli", "--profile", "org", "--json"]).decode(
                [TeamView].self)
            #expect(teams.map(\.name) == ["alpha"])
            let runs = try await cli.run(["admin", "runs", "cli", "--profile", "org", "--json"]).decode(
                [RunSummaryView].self)
            #expect(runs.map(\.runId) == [run])
            let submissions = try await cli.run(["admin", "submissions", "cli", "--profile", "org", "--json"])
            #expect(try submissions.decode([SubmissionView].self).count == 1, "\(submissions)")
            let audit = try await cli.run(["admin", "audit", "verify", "--profile", "org"])
            #expect(audit.status == 0, "\(audit)")
            #expect(audit.stdout.contains("VERIFIED"))
        }
    }
}
