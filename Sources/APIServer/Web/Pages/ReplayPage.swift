import Foundation

/// `/runs/{id}`: the replay viewer. The page itself holds no private data: for a published run
/// the server renders the summary (teams, results, incidents, verification, a static price
/// path) so it reads without JavaScript; `replay.js` loads `/v1/runs/{id}/replay` and draws the
/// interactive viewer. Before publication the data needs a token: the page's sign-in form keeps
/// it in `sessionStorage` (this tab only) and sends it as `Authorization: Bearer`, never in a
/// URL, a cookie or a form post.
struct ReplayPage {
    var runId: Int64
    var contestId: String
    var contestName: String
    /// The published replay, rendered into the page (nil before publication).
    var document: ReplayDocument?
    /// The contest's results are published (the replay is public, even if `document` could not
    /// be built for this page right now).
    var published: Bool
    /// The server's public URL (`ARENA_PUBLIC_URL`), for the `arena verify` command shown.
    var server: String

    var page: WebPage {
        let cid = HTML.segment(contestId)
        var b = "<p class=\"crumbs\"><a href=\"/contests/\(cid)\">\(HTML.escape(contestName))</a> › "
        b += "<a href=\"/contests/\(cid)/leaderboard\">leaderboard</a></p>"
        b += "<h1>Run \(runId)"
        if let document { b += " <span class=\"sub\">round \(document.round + 1), heat \(document.heat + 1)</span>" }
        b += "</h1>"
        b += "<section id=\"viewer\" class=\"viewer\" data-run=\"\(runId)\" aria-label=\"Replay viewer\">"
        b += "<p id=\"viewer-status\" role=\"status\" aria-live=\"polite\">"
        if document != nil {
            b += "Interactive viewer needs JavaScript."
        } else {
            b += published ? "The replay is being prepared; reload in a moment." : "This replay is not public yet."
        }
        b += "</p>"
        b += "<form id=\"signin\" class=\"signin\" hidden><p>Before the results are published, organizers and the "
        b += "run's teams can open it with their token. It stays in this browser tab only (sessionStorage) and is "
        b += "sent as an <code>Authorization</code> header.</p><label for=\"token\">Token</label> "
        b += "<input id=\"token\" type=\"password\" autocomplete=\"off\" spellcheck=\"false\" required> "
        b += "<button type=\"submit\">Open replay</button></form></section>"
        if let document { b += Self.summary(document, server: server) }
        return WebPage(
            title: "Run \(runId)", body: b, scripts: ["replay.js"],
            cacheControl: document == nil ? "no-store" : "public, max-age=60")
    }

    /// The server-rendered part: results, a static price path, incidents and verification.
    static func summary(_ d: ReplayDocument, server: String) -> String {
        var b = "<section id=\"summary\" aria-labelledby=\"results\"><h2 id=\"results\">Results</h2>"
        b +=
            "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Team</th><th scope=\"col\" class=\"num\">Final equity</th>"
        b += "<th scope=\"col\" class=\"num\">PnL</th><th scope=\"col\" class=\"num\">Trades</th>"
        b += "<th scope=\"col\" class=\"num\">Liquidations</th><th scope=\"col\">Fault</th></tr></thead><tbody>"
        for team in d.teams {
            b +=
                "<tr><th scope=\"row\">\(HTML.escape(team.label))</th><td class=\"num\">\(HTML.escape(team.finalEquity))</td>"
            b += "<td class=\"num\">\(HTML.escape(team.pnl))</td><td class=\"num\">\(team.trades)</td>"
            b += "<td class=\"num\">\(team.liquidations)</td><td>\(HTML.escape(team.fault ?? ""))</td></tr>"
        }
        b += "</tbody></table></div>"
        if let first = d.instruments.first { b += pricePath(first) }
        b += "</section>"
        let shown = d.incidents.prefix(100)
        if !shown.isEmpty {
            let labels = Dictionary(d.teams.map { ($0.slot, $0.label) }) { a, _ in a }
            b += "<section aria-labelledby=\"incidents\"><h2 id=\"incidents\">Liquidations, ADL and faults</h2><ul>"
            for incident in shown {
                let who = incident.slot.flatMap { labels[$0] } ?? "house"
                b += "<li>tick \(incident.tick): <strong>\(HTML.escape(incident.kind))</strong> — \(HTML.escape(who)): "
                b += "\(HTML.escape(incident.detail))</li>"
            }
            b += "</ul></section>"
        }
        return b + verification(d.verification, runId: d.runId, server: server)
    }

    static func verification(_ v: ReplayVerification, runId: Int64, server: String) -> String {
        var b = "<section id=\"verification\" aria-labelledby=\"verify\"><h2 id=\"verify\">Verification</h2>"
        b += "<p class=\"\(v.verified ? "ok" : "bad")\">\(v.verified ? "✔ verified" : "✘ not verified") by the server: "
        b += "chain \(mark(v.chainValid)), signature \(mark(v.signatureValid)).</p><dl class=\"facts\">"
        b += "<div><dt>Transcript root</dt><dd><code class=\"hash\">\(HTML.escape(v.transcriptRoot))</code></dd></div>"
        b +=
            "<div><dt>Signing key</dt><dd><code class=\"hash\">\(HTML.escape(v.keyId ?? "—"))</code></dd></div></dl><ul>"
        for check in v.checks {
            b +=
                "<li>\(mark(check.passed)) <strong>\(HTML.escape(check.name))</strong>: \(HTML.escape(check.detail))</li>"
        }
        b += "</ul><p>Check it yourself (replays every tick on your machine):</p>"
        b += "<pre><code>\(HTML.escape(v.command)) --server \(HTML.escape(server))</code></pre>"
        b +=
            "<p><a href=\"/v1/runs/\(runId)/transcript\">transcript</a> · <a href=\"/v1/runs/\(runId)/attestation\">attestation</a></p>"
        return b + "</section>"
    }

    static func mark(_ passed: Bool?) -> String {
        switch passed {
        case true?: "✔"
        case false?: "✘"
        case nil: "–"
        }
    }

    /// The mark price as a static SVG polyline (no script needed).
    static func pricePath(_ instrument: ReplayInstrument) -> String {
        let values = instrument.mark.filter { $0 > 0 }
        guard let low = values.min(), let high = values.max(), values.count > 1 else { return "" }
        let span = Double(max(high - low, 1))
        let step = max(1, values.count / 600)
        var points: [String] = []
        var i = 0
        while i < values.count {
            let x = Double(i) / Double(values.count - 1) * 600
            let y = 150 - Double(values[i] - low) / span * 140
            points.append(String(format: "%.1f,%.1f", x, y))
            i += step
        }
        var b = "<figure class=\"static-chart\"><svg viewBox=\"0 0 600 160\" preserveAspectRatio=\"none\" role=\"img\" "
        b +=
            "aria-label=\"\(HTML.escape(instrument.symbol)) mark price\"><polyline class=\"mark\" vector-effect=\"non-scaling-stroke\" points=\"\(points.joined(separator: " "))\"/></svg>"
        return b + "<figcaption>\(HTML.escape(instrument.symbol)) mark price over the run</figcaption></figure>"
    }
}
