import APIModels
import Foundation
import JobRunner
import Storage
import Testing

/// The acceptance of issue 15 through the real `arena` binary: a syntax-error Python bundle fails
/// `arena check` with the Python error and line, the server rejects it (uncharged) with the same
/// message while the team's previous entry stays; `arena use` switches the entry; re-submitting
/// identical bytes re-activates a submission; `status` says which submission is active.
@Suite(.serialized)
struct ActiveEntryCommandTests {
    static let pythonError = "bot.py, line 3: SyntaxError: expected ':'"

    /// Drives the runner until the team has `count` submissions and the newest is final.
    static func evaluate(_ server: LiveServer, team: Int64, submissions count: Int) async throws {
        for _ in 0..<300 {
            _ = try await server.runner.runUntilIdle()
            let submissions = try await server.store.submissions(teamId: team)
            if submissions.count >= count, ["scored", "failed", "rejected"].contains(submissions.first?.status ?? "") {
                return
            }
            try await Task.sleep(for: .milliseconds(150))
        }
    }

    @Test func aBrokenUploadKeepsTheEntryAndUseSwitchesBack() async throws {
        try await LiveServer.with { server in
            let cli = server.cli
            let organizer = try await server.organizerToken()
            let file = try server.writeContest(id: "entries", ticks: 20)
            _ = try await cli.run(["admin", "contest", "create", file], extra: ["ARENA_TOKEN": organizer])
            let registered = try await cli.run(["register", "--contest", "entries", "--name", "keeper", "--json"])
            let team = try registered.decode(TeamRegistrationResponse.self)
            _ = try await cli.run(["init", "bot"])
            let first = try await cli.run(["submit", "bot", "--json"]).decode(SubmissionView.self)
            try await LiveCommandTests.evaluate(server, team: team.teamId)
            let manifest = URL(fileURLWithPath: server.home + "/work/bot/strategy.yaml")
            try Data((try String(contentsOf: manifest, encoding: .utf8) + "\n# second\n").utf8).write(to: manifest)
            let second = try await cli.run(["submit", "bot", "--json"]).decode(SubmissionView.self)
            try await LiveCommandTests.evaluate(server, team: team.teamId)

            let broken = server.home + "/work/broken"
            try FileManager.default.createDirectory(atPath: broken, withIntermediateDirectories: true)
            try Data(OfflineCommandTests.brokenPython.manifest.utf8).write(
                to: URL(fileURLWithPath: broken + "/strategy.yaml"))
            try Data(OfflineCommandTests.brokenPython.bot.utf8).write(to: URL(fileURLWithPath: broken + "/bot.py"))
            let checked = try await cli.run(["check", "broken"])
            #expect(checked.status == 1, "\(checked)")
            #expect(checked.stdout.contains(Self.pythonError), "\(checked)")

            async let submitting = cli.run(["submit", "broken", "--wait", "--timeout", "90"])
            try await Self.evaluate(server, team: team.teamId, submissions: 3)
            let rejected = try await submitting
            #expect(rejected.status == 1, "a rejected submission fails submit --wait: \(rejected)")
            #expect(rejected.stdout.contains(Self.pythonError), "the server's message is check's: \(rejected)")
            #expect(rejected.stdout.contains("do not use your daily quota"), "\(rejected)")
            #expect(
                rejected.stdout.contains("Your active entry is unchanged: submission \(second.id)"), "\(rejected)")
            let brokenId = try #require(try await server.store.submissions(teamId: team.teamId).first?.id)

            let used = try await cli.run(["use", "\(first.id)"])
            #expect(used.status == 0, "\(used)")
            #expect(used.stdout.contains("Submission \(first.id)"), "\(used)")
            var overview = try await cli.run(["status", "--json"])
            #expect(overview.stdout.contains("\"active_submission_id\" : \(first.id)"), "\(overview.stdout)")
            let refused = try await cli.run(["use", "\(brokenId)", "--json"])
            #expect(refused.status == 5, "\(refused)")
            #expect(refused.stdout.contains("not_activatable"), "\(refused)")

            let again = try await cli.run(["submit", "bot"])
            #expect(again.status == 0, "\(again)")
            #expect(again.stdout.contains("Submission \(second.id)"), "\(again)")
            #expect(again.stdout.contains("it is your active entry again"), "\(again)")
            overview = try await cli.run(["status", "--json"])
            #expect(overview.stdout.contains("\"active_submission_id\" : \(second.id)"), "\(overview.stdout)")
            let text = try await cli.run(["status"])
            #expect(text.stdout.contains("Your active entry: submission \(second.id)"), "\(text)")
        }
    }
}
