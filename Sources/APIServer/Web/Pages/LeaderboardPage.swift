import APIModels
import Foundation

/// `/contests/{contest}/leaderboard`: the public board, server-rendered (works without
/// JavaScript); `leaderboard.js` then follows `/leaderboard/stream` and redraws the rows.
struct LeaderboardPage {
    var contest: ContestView
    var board: LeaderboardView
    /// Team id → `under review (…)` / `integrity finding confirmed (…)` (``IntegrityReviews``).
    var reviews: [Int64: String] = [:]

    var page: WebPage {
        let id = HTML.segment(contest.id)
        var b = "<h1>\(HTML.escape(contest.name)) <span class=\"sub\">leaderboard</span></h1>"
        b += "<p class=\"meta\"><span id=\"board-state\">\(HTML.escape(Self.stateText(board)))</span> · ranked by "
        b += "<strong>\(HTML.escape(board.metric))</strong> · <a href=\"/contests/\(id)\">contest rules</a> · "
        b += "<span id=\"live\" role=\"status\" aria-live=\"polite\">static</span></p>"
        b += "<div class=\"scroll\"><table class=\"board\" id=\"board\" data-contest=\"\(HTML.escape(contest.id))\">"
        b += "<caption>\(board.total) teams</caption><thead><tr>"
        for (label, kind) in Self.columns { b += "<th scope=\"col\" class=\"\(kind)\">\(label)</th>" }
        b += "</tr></thead><tbody>"
        for row in board.rows { b += Self.row(row, contest: contest.id, review: reviews[row.teamId]) }
        if board.rows.isEmpty { b += "<tr><td colspan=\"9\">No ranked entries yet.</td></tr>" }
        b += "</tbody></table></div>"
        b += "<p class=\"note\">Score ± half-width of the 95 % confidence interval over the team's runs. "
        b += "Every run links to its replay; <code>arena verify --contest \(HTML.escape(contest.id))</code> "
        b += "replays them all and recomputes this table.</p>"
        return WebPage(
            title: "\(contest.name) leaderboard", body: b, scripts: ["leaderboard.js"], cacheControl: "no-cache")
    }

    static let columns = [
        ("Rank", "num"), ("Team", "text"), ("Score", "num"), ("PnL", "num"), ("Max drawdown", "num"),
        ("Trades", "num"), ("Status", "text"), ("Submission", "text"), ("Runs", "text"),
    ]

    static func stateText(_ board: LeaderboardView) -> String {
        var text = board.state
        if let evaluation = board.evaluationId { text += " · evaluation \(evaluation)" }
        if let updated = board.updatedAt { text += " · updated \(updated.formatted(.iso8601))" }
        return text
    }

    /// The status as a viewer reads it: scored, faulted (code), disqualified, no valid score,
    /// then the integrity review note when there is one (under review, finding confirmed).
    static func status(_ row: LeaderboardRow, review: String? = nil) -> String {
        let base: String
        switch row.status {
        case "disqualified": base = "disqualified"
        case "scored": base = row.fault.map { "scored, faulted (\($0))" } ?? "scored"
        default: base = row.fault.map { "faulted (\($0))" } ?? "no valid score"
        }
        return review.map { "\(base); \($0)" } ?? base
    }

    static func row(_ row: LeaderboardRow, contest: String, review: String? = nil) -> String {
        var score = row.score ?? "—"
        if let ci = row.scoreCi95, row.score != nil { score += " ± \(ci)" }
        var b = "<tr data-team=\"\(row.teamId)\""
        if let review { b += " data-review=\"\(HTML.escape(review))\"" }
        b += "><td class=\"num\">\(row.rank)</td>"
        b += "<td class=\"text\"><a href=\"/contests/\(HTML.segment(contest))/teams/\(row.teamId)\">"
        b += "\(HTML.escape(row.team))</a></td>"
        b += "<td class=\"num\">\(HTML.escape(score))</td><td class=\"num\">\(HTML.escape(row.pnl))</td>"
        b += "<td class=\"num\">\(HTML.escape(row.maxDrawdown))</td><td class=\"num\">\(row.trades)</td>"
        b += "<td class=\"text status-\(HTML.escape(row.status))\(review == nil ? "" : " status-review")\">"
        b += "\(HTML.escape(status(row, review: review)))</td>"
        b += "<td class=\"text\"><code title=\"\(HTML.escape(row.submissionSha256))\">"
        b += "\(HTML.escape(String(row.submissionSha256.prefix(12))))</code></td><td class=\"text runs\">"
        b += row.runs.map { run in
            "<a href=\"/runs/\(run.runId)\">r\(run.round + 1)·h\(run.heat + 1)</a>"
        }.joined(separator: " ")
        return b + "</td></tr>"
    }
}
