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
    /// Final equity per run of `row.runs` (when the run's result is public).
    var finalEquity: [Int64: String]
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
            b += "<div><dt>Status</dt><dd>\(HTML.escape(LeaderboardPage.status(row)))</dd></div></dl>"
            b += runs(row)
        } else {
            b += "<p>Not on the board yet.</p>"
        }
        b += history
        return WebPage(title: team.name, body: b, cacheControl: "public, max-age=10")
    }

    private func runs(_ row: LeaderboardRow) -> String {
        var b = "<section aria-labelledby=\"runs\"><h2 id=\"runs\">Runs</h2>"
        let scores = row.runs.compactMap { run in run.score.flatMap(Double.init).map { (run, $0) } }
        if !scores.isEmpty { b += Self.chart(scores) }
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

    /// The score of each run as bars, labelled round·heat (inline SVG: no script, no style
    /// attribute).
    static func chart(_ scores: [(RunProvenance, Double)]) -> String {
        let width = max(40 * scores.count + 20, 320)
        let peak = max(scores.map { abs($0.1) }.max() ?? 1, 1e-9)
        var b = "<figure><svg class=\"bars\" viewBox=\"0 0 \(width) 140\" preserveAspectRatio=\"xMinYMid meet\" "
        b += "role=\"img\" aria-label=\"Score per run\">"
        b += "<line x1=\"0\" y1=\"60\" x2=\"\(width)\" y2=\"60\" class=\"axis\"/>"
        for (i, (run, score)) in scores.enumerated() {
            let h = Int((abs(score) / peak * 55).rounded())
            let y = score >= 0 ? 60 - h : 60
            let x = 10 + 40 * i
            b +=
                "<rect x=\"\(x)\" y=\"\(y)\" width=\"30\" height=\"\(max(h, 1))\" class=\"\(score >= 0 ? "up" : "down")\">"
            b += "<title>round \(run.round + 1) heat \(run.heat + 1): \(HTML.escape(run.score ?? ""))</title></rect>"
            b +=
                "<text x=\"\(x + 15)\" y=\"135\" text-anchor=\"middle\" class=\"label\">r\(run.round + 1)·h\(run.heat + 1)</text>"
        }
        return b + "</svg><figcaption>Score per run (the contest's metric), by round and heat</figcaption></figure>"
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
