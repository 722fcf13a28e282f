import APIModels
import Foundation
import Storage

/// `/contests/{contest}/teams/{team}`: one team's standing, its runs with the per-run result
/// (equity across rounds) and its submission history — public fields only (time, runtime,
/// status, content hash; never validation reports, logs or quotas).
struct TeamPage {
    var contest: ContestView
    var team: TeamRecord
    var row: LeaderboardRow?
    /// `under review (wash)` and the like, once the integrity report is public (``IntegrityReviews``).
    var review: String?
    /// Final equity per run of `row.runs` (when the run's result is public).
    var finalEquity: [Int64: String]
    /// Every account's starting equity (USDT, decimal): the chart's baseline.
    var startingBalance: String
    var submissions: [SubmissionRecord]

    var page: WebPage {
        let cid = HTML.segment(contest.id)
        var b = "<p class=\"crumbs\"><a href=\"/contests/\(cid)\">\(HTML.escape(contest.name))</a> › "
        b += "<a href=\"/contests/\(cid)/leaderboard\">leaderboard</a></p>"
        b += "<h1 class=\"team-name\">\(HTML.escape(team.name))</h1>"
        if team.disqualifiedAt != nil { b += "<p class=\"alert\">Disqualified.</p>" }
        if let row {
            b += "<dl class=\"facts\"><div><dt>Rank</dt><dd>\(row.rank)</dd></div>"
            b +=
                "<div><dt>Score</dt><dd>\(HTML.escape((row.score ?? "—") + (row.scoreCi95.map { " ± \($0)" } ?? "")))</dd></div>"
            b += "<div><dt>PnL</dt><dd>\(HTML.escape(row.pnl))</dd></div>"
            b += "<div><dt>Status</dt><dd>\(HTML.escape(LeaderboardPage.status(row, review: review)))</dd></div></dl>"
            b += runs(row)
        } else {
            b += "<p>Not on the board yet.</p>"
        }
        b += history
        return WebPage(title: team.name, body: b, cacheControl: "public, max-age=10")
    }

    private func runs(_ row: LeaderboardRow) -> String {
        var b = "<section aria-labelledby=\"runs\"><h2 id=\"runs\">Runs</h2>"
        let equity = row.runs.compactMap { run in finalEquity[run.runId].map { (run, $0) } }
        if !equity.isEmpty { b += Self.chart(equity, start: startingBalance) }
        b += "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Round</th><th scope=\"col\">Heat</th>"
        b += "<th scope=\"col\" class=\"num\">Score</th><th scope=\"col\" class=\"num\">Final equity</th>"
        b += "<th scope=\"col\">Transcript root</th><th scope=\"col\">Replay</th></tr></thead><tbody>"
        for run in row.runs {
            b +=
                "<tr><td>\(run.round + 1)</td><td>\(run.heat + 1)</td><td class=\"num\">\(HTML.escape(run.score ?? "—"))</td>"
            b += "<td class=\"num\">\(HTML.escape(finalEquity[run.runId] ?? "—"))</td>"
            b += "<td><code title=\"\(HTML.escape(run.transcriptRoot ?? ""))\">"
            b += "\(HTML.escape(String((run.transcriptRoot ?? "—").prefix(16))))</code></td>"
            b += "<td><a href=\"/runs/\(run.runId)\">run \(run.runId)</a></td></tr>"
        }
        return b + "</tbody></table></div></section>"
    }

    /// Final equity of each run as bars above or below the starting balance, labelled with the
    /// value and round·heat (inline SVG: no script, no style attribute).
    static func chart(_ runs: [(RunProvenance, String)], start: String) -> String {
        let base = Double(start) ?? 0
        let values = runs.map { ($0.0, $0.1, Double($0.1) ?? base) }
        let width = max(64 * values.count + 24, 320)
        let peak = max(values.map { abs($0.2 - base) }.max() ?? 1, 1e-9)
        var b = "<figure><svg class=\"bars\" viewBox=\"0 0 \(width) 170\" preserveAspectRatio=\"xMinYMid meet\" "
        b += "role=\"img\" aria-label=\"Final equity per run\">"
        b += "<line x1=\"0\" y1=\"80\" x2=\"\(width)\" y2=\"80\" class=\"axis\"/>"
        for (i, (run, text, value)) in values.enumerated() {
            let h = Int((abs(value - base) / peak * 55).rounded())
            let up = value >= base
            let x = 16 + 64 * i
            b += "<rect x=\"\(x)\" y=\"\(up ? 80 - max(h, 1) : 80)\" width=\"40\" height=\"\(max(h, 1))\" "
            b += "class=\"\(up ? "up" : "down")\"><title>round \(run.round + 1) heat \(run.heat + 1): "
            b += "\(HTML.escape(text)) USDT</title></rect>"
            b += "<text x=\"\(x + 20)\" y=\"\(up ? 74 - h : 96 + h)\" text-anchor=\"middle\" class=\"value\">"
            b += "\(HTML.escape(Self.short(text)))</text>"
            b += "<text x=\"\(x + 20)\" y=\"165\" text-anchor=\"middle\" class=\"label\">"
            b += "r\(run.round + 1)·h\(run.heat + 1)</text>"
        }
        b += "</svg><figcaption>Final equity per run (USDT), by round and heat; the line is the starting "
        return b + "balance, \(HTML.escape(start)) USDT</figcaption></figure>"
    }

    /// `12345.67891234` → `12345.68` (the bar labels; the exact value is in the table).
    static func short(_ decimal: String) -> String {
        guard let dot = decimal.firstIndex(of: ".") else { return decimal }
        let end = decimal.index(dot, offsetBy: 3, limitedBy: decimal.endIndex) ?? decimal.endIndex
        return String(decimal[..<end])
    }

    private var history: String {
        var b = "<section aria-labelledby=\"subs\"><h2 id=\"subs\">Submissions</h2>"
        b += "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Submitted</th><th scope=\"col\">Runtime</th>"
        b += "<th scope=\"col\">Status</th><th scope=\"col\">SHA-256</th></tr></thead><tbody>"
        for submission in submissions {
            let ranked = submission.id == row?.submissionId ? " <strong>(ranked)</strong>" : ""
            b += "<tr><td>\(HTML.escape(submission.createdAt.formatted(.iso8601)))</td>"
            b += "<td>\(HTML.escape(submission.runtime))</td><td>\(HTML.escape(submission.status))\(ranked)</td>"
            b +=
                "<td><code title=\"\(HTML.escape(submission.sha256))\">\(HTML.escape(String(submission.sha256.prefix(16))))</code></td></tr>"
        }
        if submissions.isEmpty { b += "<tr><td colspan=\"4\">None.</td></tr>" }
        return b + "</tbody></table></div></section>"
    }
}
