import APIModels
import ArgumentParser
import Foundation

/// `arena status`: the team's submissions and runs, or one submission in detail.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show your team's submissions and runs, or one submission's history and validation report.",
        discussion: """
            Examples:
              arena status
              arena status 42          # submission 42 in detail
              arena status --json      # {"team": …, "submissions": […], "runs": […]}
            """)

    /// `arena status --json` without a submission id.
    struct Overview: Codable, Sendable {
        var team: TeamView
        var submissions: [SubmissionView]
        var runs: [RunSummaryView]
        /// The team's active entry: the submission its evaluations take (nil until one passed validation).
        var activeSubmissionId: Int64?
        /// The submission ranked for the team on the contest's board (nil while it is not on it;
        /// it follows the active entry at the next evaluation).
        var boardSubmissionId: Int64?
    }

    @Argument(help: "A submission id for its full history.") var submission: Int64?
    @Option(help: "Show at most this many submissions and runs.") var limit = 10
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CommandRunner.run(global) { session in
            let client = try session.authenticatedClient()
            if let submission {
                let view = try await client.get("/v1/submissions/\(submission)", as: SubmissionView.self)
                if session.json { return Output.json(view) }
                return printDetail(view, session.terminal)
            }
            let team = try await client.get("/v1/me", as: TeamView.self)
            let row = try? await LeaderboardCommand.ownRow(
                session: session, contest: team.contestId, teamId: team.teamId)
            let submissions = try await client.get("/v1/submissions", as: [SubmissionView].self)
            let overview = Overview(
                team: team, submissions: submissions, runs: try await client.get("/v1/runs", as: [RunSummaryView].self),
                activeSubmissionId: submissions.first(where: \.active)?.id, boardSubmissionId: row?.submissionId)
            if session.json { return Output.json(overview) }
            printOverview(overview, session.terminal)
        }
    }

    private func printOverview(_ overview: Overview, _ t: Terminal) {
        Console.out(
            "Team \(t.paint(overview.team.name, .bold)) (id \(overview.team.teamId)) in contest \(overview.team.contestId)"
                + (overview.team.disqualified ? " — " + t.paint("disqualified", .red) : ""))
        Console.out("")
        if overview.submissions.isEmpty {
            Console.out("No submissions yet: run `arena submit --wait` in your bundle directory.")
        } else {
            var table = Table(
                ["SUBMISSION", "STATUS", "ENTRY", "RUNTIME", "SHA256", "CREATED", "DETAIL"],
                alignments: [.right, .left, .left, .left, .left, .left, .left])
            for view in overview.submissions.sorted(by: { $0.id > $1.id }).prefix(limit) {
                let entry = [
                    view.active ? t.paint("active", .bold) : nil,
                    view.id == overview.boardSubmissionId ? "on board" : nil,
                ].compactMap { $0 }.joined(separator: ", ")
                table.add([
                    "\(view.id)" + (view.selected ? "*" : ""), t.status(view.status), entry, view.runtime,
                    String(view.sha256.prefix(12)),
                    Format.date(view.createdAt), view.statusHistory.last?.detail ?? "",
                ])
            }
            Console.out(table.render(t))
            Console.out(
                overview.activeSubmissionId.map {
                    "Your active entry: submission \($0) (change it with `arena use SUBMISSION`)."
                } ?? "No active entry yet: none of your submissions has passed validation.")
            var board =
                overview.boardSubmissionId.map { "Your entry on the board: submission \($0)." }
                ?? "Not on the board yet."
            if let active = overview.activeSubmissionId, active != overview.boardSubmissionId {
                board += " The board ranks submission \(active) after the next evaluation."
            }
            Console.out(board)
            if overview.submissions.contains(where: \.selected) {
                Console.out(t.paint("* your final selection (`arena select`): ranked at the end instead.", .dim))
            }
        }
        guard !overview.runs.isEmpty else { return }
        Console.out("")
        var runs = Table(
            ["RUN", "EVALUATION", "ROUND", "HEAT", "STATUS", "TRANSCRIPT ROOT"],
            alignments: [.right, .right, .right, .right, .left, .left])
        for run in overview.runs.sorted(by: { $0.runId > $1.runId }).prefix(limit) {
            runs.add([
                "\(run.runId)", "\(run.evaluationId)", "\(run.round)", "\(run.heat)", t.status(run.status),
                run.transcriptRoot.map { String($0.prefix(16)) } ?? "-",
            ])
        }
        Console.out(runs.render(t))
        Console.out(t.paint("Logs: `arena logs RUN`; audit: `arena verify RUN`.", .dim))
    }

    private func printDetail(_ view: SubmissionView, _ t: Terminal) {
        Console.out(
            "Submission \(view.id): \(t.status(view.status))" + (view.active ? " — your active entry" : "")
                + (view.selected ? " — your final selection" : ""))
        Console.out("  contest \(view.contestId), runtime \(view.runtime), sha256 \(view.sha256)")
        for change in view.statusHistory {
            Console.out(
                "  \(Format.date(change.at))  \(t.status(change.status))\(change.detail.map { ": \($0)" } ?? "")")
        }
        if let report = view.validationReport { Console.out("Validation: \(report)") }
        if let quota = view.quota {
            Console.out(
                "Quota: \(quota.used)/\(quota.limit) today, \(quota.invalidUsed)/\(quota.invalidLimit) invalid, \(quota.inFlight)/\(quota.inFlightLimit) in flight"
            )
        }
    }
}
