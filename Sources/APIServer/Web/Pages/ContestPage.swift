import APIModels
import Storage

/// `/contests/{contest}`: what the contest is — phases with their times, the rules (market,
/// ticks, heats, scoring), registration, and the attestation keys that sign its runs.
struct ContestPage {
    var contest: ContestView
    var startingBalance: String
    var tickMilliseconds: Int64
    var keys: [ArenaStore.PublicKeyRecord]

    static func state(_ contest: ContestView) -> String {
        if contest.published { return "results published" }
        if contest.frozen { return "board frozen" }
        return contest.submissionsOpen ? "open for submissions" : "closed for submissions"
    }

    var page: WebPage {
        let id = HTML.segment(contest.id)
        var b = "<h1>\(HTML.escape(contest.name))</h1>"
        if let description = contest.description { b += "<p class=\"lead\">\(HTML.escape(description))</p>" }
        b += "<p class=\"actions\"><a class=\"button\" href=\"/contests/\(id)/leaderboard\">Leaderboard</a> "
        b += "<a href=\"/v1/contests/\(id)/definition\">Definition (JSON)</a></p>"
        b += "<section aria-labelledby=\"state\"><h2 id=\"state\">Status</h2><dl class=\"facts\">"
        b += fact("State", Self.state(contest))
        b += fact(
            "Registration",
            contest.registrationOpen ? (contest.inviteRequired ? "open (invite code)" : "open") : "closed")
        b += fact("Submissions", contest.submissionsOpen ? "accepted" : "not accepted")
        b += "</dl></section>"
        b += "<section aria-labelledby=\"rules\"><h2 id=\"rules\">Rules</h2><dl class=\"facts\">"
        b += fact("Market", contest.instruments.joined(separator: ", "))
        b += fact("Tick", "\(tickMilliseconds) ms simulated")
        b += fact("Ticks per run", "\(contest.ticksPerRun)")
        b += fact("Heat size", "\(contest.heatSize) teams per heat")
        b += fact("Rounds", "\(contest.rounds)")
        b += fact("Starting balance", "\(startingBalance) USDT")
        b += fact("Scoring", "mean \(contest.metric) over runs, ranked with a 95 % confidence interval")
        b += "</dl></section>"
        b += phases
        b += "<section aria-labelledby=\"keys\"><h2 id=\"keys\">Attestation keys</h2>"
        b += "<p>Every run's transcript root is signed (Ed25519) by one of these keys; a key's id is the "
        b +=
            "SHA-256 fingerprint of its public key. Pin one with <code>arena verify --fingerprint ID</code>.</p><ul class=\"mono\">"
        for key in keys {
            b += "<li><code>\(HTML.escape(key.keyId))</code>\(key.active ? " (active)" : " (retired)")</li>"
        }
        if keys.isEmpty { b += "<li>No key yet: the first runner registers one.</li>" }
        b +=
            "</ul><p>Definition SHA-256: <code class=\"hash\">\(HTML.escape(contest.definitionSha256))</code></p></section>"
        return WebPage(title: contest.name, body: b, cacheControl: "public, max-age=10")
    }

    private var phases: String {
        var b = "<section aria-labelledby=\"phases\"><h2 id=\"phases\">Phases</h2>"
        b += "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Phase</th><th scope=\"col\">Starts</th>"
        b += "<th scope=\"col\">Ends</th><th scope=\"col\">Open for</th></tr></thead><tbody>"
        for phase in contest.phases {
            var open: [String] = []
            if phase.submissions { open.append("submissions") }
            if phase.registration { open.append("registration") }
            if phase.finalSelection { open.append("final selection") }
            b += "<tr><th scope=\"row\">\(HTML.escape(phase.name))</th><td>\(HTML.escape(phase.startsAt ?? "—"))</td>"
            b +=
                "<td>\(HTML.escape(phase.endsAt ?? "—"))</td><td>\(HTML.escape(open.joined(separator: ", ")))</td></tr>"
        }
        return b + "</tbody></table></div></section>"
    }

    private func fact(_ name: String, _ value: String) -> String {
        "<div><dt>\(HTML.escape(name))</dt><dd>\(HTML.escape(value))</dd></div>"
    }
}
