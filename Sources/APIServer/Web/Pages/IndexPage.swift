import APIModels

/// `/`: the contests, newest first.
struct IndexPage {
    var contests: [ContestView]

    var page: WebPage {
        var body = "<h1>Contests</h1>"
        if contests.isEmpty { body += "<p>No contests yet.</p>" }
        body += "<ul class=\"cards\">"
        for contest in contests {
            let id = HTML.segment(contest.id)
            body += "<li class=\"card\"><h2><a href=\"/contests/\(id)\">\(HTML.escape(contest.name))</a></h2>"
            body += "<p>\(HTML.escape(contest.instruments.joined(separator: ", "))) · \(contest.ticksPerRun) ticks"
            body += " · \(HTML.escape(ContestPage.state(contest)))</p>"
            body += "<p><a href=\"/contests/\(id)/leaderboard\">Leaderboard</a></p></li>"
        }
        body += "</ul>"
        return WebPage(title: "Contests", body: body)
    }
}
