import APIModels
import Foundation
import JobRunner
import Storage
import Testing

/// Exit codes and snake_case `--json` shapes of the server-backed commands, and the truth about
/// a faulted bot: `submit --wait` exits 1 and `arena logs` says "faulted", never "rank 1/1".
@Suite(.serialized)
struct LiveCommandTests {
    /// Runs `arguments`, expects `status` and snake_case JSON on standard output.
    static func json(
        _ cli: CLIProcess, _ arguments: [String], status: Int32 = 0, extra: [String: String] = [:]
    ) async throws -> CLIResult {
        let result = try await cli.run(arguments + ["--json"], extra: extra)
        #expect(result.status == status, "\(arguments): \(result)")
        #expect(try JSONKeys.nonSnakeCase(result.stdout) == [], "\(arguments): \(result.stdout)")
        return result
    }

    /// Drives the runner until the team's newest submission is final.
    static func evaluate(_ server: LiveServer, team: Int64) async throws {
        for _ in 0..<300 {
            _ = try await server.runner.runUntilIdle()
            let status = try await server.store.submissions(teamId: team).first?.status
            if ["scored", "failed", "rejected"].contains(status ?? "") { return }
            try await Task.sleep(for: .milliseconds(150))
        }
    }

    @Test func everyServerCommandPrintsSnakeCaseJSON() async throws {
        try await LiveServer.with { server in
            let cli = server.cli
            let organizer = try await server.organizerToken()
            let org = ["ARENA_TOKEN": organizer]
            let file = try server.writeContest(id: "shapes")
            _ = try await Self.json(cli, ["admin", "contest", "create", file], extra: org)
            _ = try await Self.json(cli, ["admin", "contest", "show", "shapes"], extra: org)
            _ = try await Self.json(cli, ["admin", "phases", "shapes"], extra: org)
            _ = try await Self.json(cli, ["contests"])
            let registered = try await Self.json(cli, ["register", "--contest", "shapes", "--name", "alpha"])
            let team = try registered.decode(TeamRegistrationResponse.self)
            _ = try await Self.json(cli, ["whoami"])
            _ = try await Self.json(cli, ["login", "--profile", "again", "--token", team.token])
            _ = try await cli.run(["init", "bot"])
            let submitted = try await Self.json(cli, ["submit", "bot"])
            let submission = try submitted.decode(SubmissionView.self)
            try await Self.evaluate(server, team: team.teamId)
            _ = try await Self.json(cli, ["submit", "bot", "--wait", "--timeout", "30"])
            let overview = try await Self.json(cli, ["status"])
            #expect(try JSONKeys.all(overview.stdout).contains("active_submission_id"))
            #expect(overview.stdout.contains("\"active_submission_id\" : \(submission.id)"), "\(overview.stdout)")
            let text = try await cli.run(["status"])
            #expect(text.stdout.contains("Your entry on the board: submission \(submission.id)."), "\(text)")
            _ = try await Self.json(cli, ["status", "\(submission.id)"])
            _ = try await Self.json(cli, ["leaderboard"])
            _ = try await Self.json(cli, ["logs"])
            _ = try await Self.json(cli, ["select", "\(submission.id)"], status: 5)
            _ = try await Self.json(cli, ["status", "999999"], status: 5)
            _ = try await Self.json(cli, ["admin", "teams", "shapes"], extra: org)
            _ = try await Self.json(cli, ["admin", "submissions", "shapes"], extra: org)
            _ = try await Self.json(cli, ["admin", "runs", "shapes"], extra: org)
            _ = try await Self.json(cli, ["admin", "freeze", "shapes"], extra: org)
            _ = try await Self.json(cli, ["admin", "audit", "verify", "--show", "3"], extra: org)
            _ = try await Self.json(cli, ["admin", "freeze", "shapes"], status: 3)
        }
    }

    @Test func aFaultedBotFailsSubmitWaitAndLogsSaysSo() async throws {
        try await LiveServer.with { server in
            let cli = server.cli
            let organizer = try await server.organizerToken()
            let file = try server.writeContest(id: "fault")
            _ = try await cli.run(["admin", "contest", "create", file], extra: ["ARENA_TOKEN": organizer])
            let registered = try await cli.run(["register", "--contest", "fault", "--name", "crashy", "--json"])
            let team = try registered.decode(TeamRegistrationResponse.self)
            try FileManager.default.createDirectory(
                atPath: server.home + "/work/broken", withIntermediateDirectories: true)
            try Data(OfflineCommandTests.brokenPython.manifest.utf8).write(
                to: URL(fileURLWithPath: server.home + "/work/broken/strategy.yaml"))
            try Data(OfflineCommandTests.brokenPython.bot.utf8).write(
                to: URL(fileURLWithPath: server.home + "/work/broken/bot.py"))

            async let submitting = cli.run(["submit", "broken", "--wait", "--timeout", "90"])
            try await Self.evaluate(server, team: team.teamId)
            let submitted = try await submitting
            let status = try await server.store.submissions(teamId: team.teamId).first?.status
            if status == "rejected" || status == "failed" {
                #expect(submitted.status == 1, "\(submitted)")
                return
            }
            #expect(submitted.status == 1, "a bot that faulted in its runs fails submit --wait: \(submitted)")
            #expect(submitted.stdout.contains("faulted"), "\(submitted)")
            #expect(!submitted.stdout.contains("Scored."), "\(submitted)")

            let logs = try await cli.run(["logs"])
            #expect(logs.status == 0, "\(logs)")
            #expect(logs.stderr.contains("faulted"), "\(logs)")
            #expect(!logs.stderr.contains("rank 1/"), "a crashed bot is not 'rank 1/N': \(logs)")
        }
    }
}
