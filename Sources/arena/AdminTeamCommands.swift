import APIModels
import ArgumentParser

/// `arena admin disqualify TEAM_ID --reason TEXT`.
struct AdminDisqualifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disqualify", abstract: "Disqualify a team (recorded in the audit log; triggers a re-evaluation).",
        discussion: "Example:\n  arena admin disqualify 12 --reason \"shared tokens between teams\"")
    @Argument(help: "Team id (see `arena admin teams CONTEST`).") var team: Int64
    @Option(help: "Why (shown to the team).") var reason: String
    @OptionGroup var global: GlobalOptions
    func run() async throws {
        try await CommandRunner.run(global, audience: .organizer) { session in
            let view = try await session.authenticatedClient().post(
                "/v1/admin/teams/\(team)/disqualify", json: DisqualifyRequest(reason: reason), as: TeamView.self)
            if session.json { return Output.json(view) }
            Console.out("Disqualified team \(view.name) (id \(view.teamId)): \(view.disqualifyReason ?? reason)")
        }
    }
}

/// `arena admin reinstate TEAM_ID`.
struct AdminReinstateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reinstate", abstract: "Lift a team's disqualification.",
        discussion: "Example:\n  arena admin reinstate 12")
    @Argument(help: "Team id.") var team: Int64
    @OptionGroup var global: GlobalOptions
    func run() async throws {
        try await CommandRunner.run(global, audience: .organizer) { session in
            let view = try await session.authenticatedClient().post(
                "/v1/admin/teams/\(team)/reinstate", as: TeamView.self)
            if session.json { return Output.json(view) }
            Console.out("Reinstated team \(view.name) (id \(view.teamId)).")
        }
    }
}

/// `arena admin teams CONTEST`.
struct AdminTeamsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "teams", abstract: "List a contest's teams.",
        discussion: "Example:\n  arena admin teams demo --json")
    @Argument(help: "Contest id.") var contest: String
    @OptionGroup var global: GlobalOptions
    func run() async throws {
        try await CommandRunner.run(global, audience: .organizer) { session in
            let teams = try await session.authenticatedClient().get(
                "/v1/admin/contests/\(contest.pathEscaped)/teams", as: [TeamView].self)
            if session.json { return Output.json(teams) }
            let t = session.terminal
            var table = Table(["TEAM", "NAME", "STATUS"], alignments: [.right, .left, .left])
            for team in teams {
                table.add([
                    "\(team.teamId)", team.name,
                    team.disqualified ? t.status("disqualified") + ": " + (team.disqualifyReason ?? "") : "active",
                ])
            }
            Console.out(table.render(t))
        }
    }
}

/// `arena admin submissions CONTEST`.
struct AdminSubmissionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submissions", abstract: "List a contest's submissions, newest first.",
        discussion: "Example:\n  arena admin submissions demo --status rejected")
    @Argument(help: "Contest id.") var contest: String
    @Option(help: "Only this status.") var status: String?
    @OptionGroup var global: GlobalOptions
    func run() async throws {
        try await CommandRunner.run(global, audience: .organizer) { session in
            var views = try await session.authenticatedClient().get(
                "/v1/admin/contests/\(contest.pathEscaped)/submissions", as: [SubmissionView].self)
            if let status { views = views.filter { $0.status == status } }
            if session.json { return Output.json(views) }
            let t = session.terminal
            var table = Table(
                ["SUBMISSION", "TEAM", "STATUS", "RUNTIME", "SHA256", "CREATED", "DETAIL"],
                alignments: [.right, .right, .left, .left, .left, .left, .left])
            for view in views {
                table.add([
                    "\(view.id)", "\(view.teamId)", t.status(view.status), view.runtime,
                    String(view.sha256.prefix(12)), Format.date(view.createdAt), view.statusHistory.last?.detail ?? "",
                ])
            }
            Console.out(table.render(t))
        }
    }
}

/// `arena admin runs CONTEST`.
struct AdminRunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs", abstract: "List a contest's runs, newest first.",
        discussion: "Example:\n  arena admin runs demo\n  arena verify RUN --profile org   # before publication")
    @Argument(help: "Contest id.") var contest: String
    @OptionGroup var global: GlobalOptions
    func run() async throws {
        try await CommandRunner.run(global, audience: .organizer) { session in
            let runs = try await session.authenticatedClient().get(
                "/v1/admin/contests/\(contest.pathEscaped)/runs", as: [RunSummaryView].self)
            if session.json { return Output.json(runs) }
            let t = session.terminal
            var table = Table(
                ["RUN", "EVALUATION", "ROUND", "HEAT", "STATUS", "TRANSCRIPT ROOT"],
                alignments: [.right, .right, .right, .right, .left, .left])
            for run in runs {
                table.add([
                    "\(run.runId)", "\(run.evaluationId)", "\(run.round)", "\(run.heat)", t.status(run.status),
                    run.transcriptRoot ?? "-",
                ])
            }
            Console.out(table.render(t))
        }
    }
}
