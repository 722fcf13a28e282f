import APIModels
import ArgumentParser

/// `arena leaderboard`: a contest's ranked teams with provenance.
struct LeaderboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leaderboard",
        abstract: "Show a contest's leaderboard (your team is highlighted).",
        discussion: """
            The contest defaults to your profile's. Each row links to its runs; verify one with \
            `arena verify RUN`.

            Examples:
              arena leaderboard
              arena leaderboard --contest demo --page 2 --page-size 50
              arena leaderboard --json
            """)

    @Option(help: "Contest id (default: your profile's).") var contest: String?
    @Option(help: "Page number.") var page = 1
    @Option(help: "Rows per page (1-500).") var pageSize = 100
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CommandRunner.run(global) { session in
            let id = try session.contest(contest)
            let board = try await session.client.get(
                "/v1/contests/\(id.pathEscaped)/leaderboard?page=\(page)&page_size=\(pageSize)",
                as: LeaderboardView.self)
            if session.json { return Output.json(board) }
            print(board, session: session)
        }
    }

    private func print(_ board: LeaderboardView, session: Session) {
        let t = session.terminal
        let mine = session.config.profiles[session.profileName]?.teamId
        Console.out(
            "\(t.paint(board.contestId, .bold)) — \(board.state), ranked by \(board.metric)"
                + (board.evaluationId.map { ", evaluation \($0)" } ?? "") + ", \(board.total) teams")
        guard !board.rows.isEmpty else {
            return Console.out("No scored teams yet.")
        }
        var table = Table(
            [
                "RANK", "TEAM", "ENTRY", "STATUS", "SCORE", "±95%", "PNL", "FEES", "TRADES", "LIQ", "MAX DD",
                "RUNS",
            ],
            alignments: [.right, .left, .right, .left, .right, .right, .right, .right, .right, .right, .right, .left])
        for row in board.rows {
            let name = row.teamId == mine ? t.paint(row.team + " ◀", .bold) : row.team
            table.add([
                "\(row.rank)", name, "\(row.submissionId)", t.status(row.status),
                row.score.map { Format.decimal($0) } ?? "-",
                row.scoreCi95.map { Format.decimal($0) } ?? "", t.signed(Format.decimal(row.pnl)),
                Format.decimal(row.fees), "\(row.trades)", "\(row.liquidations)", Format.decimal(row.maxDrawdown),
                row.runs.map { "\($0.runId)" }.joined(separator: ","),
            ])
        }
        Console.out(table.render(t))
    }

    /// The row of team `teamId` (default: the profile's team), if among the first 500.
    static func ownRow(session: Session, contest: String, teamId: Int64? = nil) async throws -> LeaderboardRow? {
        guard let mine = teamId ?? session.config.profiles[session.profileName]?.teamId else { return nil }
        let board = try await session.client.get(
            "/v1/contests/\(contest.pathEscaped)/leaderboard?page_size=500",
            as: LeaderboardView.self)
        return board.rows.first { $0.teamId == mine }
    }
}
