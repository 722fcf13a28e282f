import APIModels
import ArgumentParser

/// Shared body of the contest state commands: POST an action, print the contest.
enum AdminContestAction {
    static func run(
        _ global: GlobalOptions, contest: String, action: String, body: (any Encodable & Sendable)? = nil,
        done: String
    ) async throws {
        try await CommandRunner.run(global, audience: .organizer) { session in
            let client = try session.authenticatedClient()
            let path = "/v1/admin/contests/\(contest.pathEscaped)/\(action)"
            let view: ContestView
            if let body {
                view = try await client.post(path, json: AnyEncodable(body), as: ContestView.self)
            } else {
                view = try await client.post(path, as: ContestView.self)
            }
            if session.json { return Output.json(view) }
            Console.out("\(done) \(view.id).")
        }
    }
}

/// Type-erases an encodable body.
struct AnyEncodable: Encodable, Sendable {
    let value: any Encodable & Sendable
    init(_ value: any Encodable & Sendable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}

/// `arena admin registration open|close ID`.
struct AdminRegistrationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registration", abstract: "Open or close team registration.",
        discussion: "Examples:\n  arena admin registration open demo\n  arena admin registration close demo")
    enum State: String, ExpressibleByArgument, CaseIterable { case open, close }
    @Argument(help: "open or close.") var state: State
    @Argument(help: "Contest id.") var contest: String
    @OptionGroup var global: GlobalOptions
    func run() async throws {
        try await AdminContestAction.run(
            global, contest: contest, action: "registration",
            body: RegistrationChange(open: state == .open),
            done: state == .open ? "Registration opened for" : "Registration closed for")
    }
}

/// `arena admin invite ID --code CODE | --clear`.
struct AdminInviteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite", abstract: "Require an invite code for registration, or drop the requirement.",
        discussion: "Examples:\n  arena admin invite demo --code 7H3K-22\n  arena admin invite demo --clear")
    @Argument(help: "Contest id.") var contest: String
    @Option(help: "The invite code teams must give.") var code: String?
    @Flag(help: "Drop the invite requirement.") var clear = false
    @OptionGroup var global: GlobalOptions
    func validate() throws {
        guard (code != nil) != clear else { throw ValidationError("pass either --code CODE or --clear") }
    }
    func run() async throws {
        try await AdminContestAction.run(
            global, contest: contest, action: "invite", body: InviteChange(code: code),
            done: clear ? "Invite requirement dropped for" : "Invite code set for")
    }
}

/// `arena admin freeze ID`.
struct AdminFreezeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "freeze",
        abstract: "Freeze the public leaderboard (teams keep submitting; the board stops moving).",
        discussion: "Example:\n  arena admin freeze demo")
    @Argument(help: "Contest id.") var contest: String
    @OptionGroup var global: GlobalOptions
    func run() async throws {
        try await AdminContestAction.run(global, contest: contest, action: "freeze", done: "Froze")
    }
}

/// `arena admin unfreeze ID`.
struct AdminUnfreezeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unfreeze", abstract: "Unfreeze the public leaderboard.",
        discussion: "Example:\n  arena admin unfreeze demo")
    @Argument(help: "Contest id.") var contest: String
    @OptionGroup var global: GlobalOptions
    func run() async throws {
        try await AdminContestAction.run(global, contest: contest, action: "unfreeze", done: "Unfroze")
    }
}

/// `arena admin publish ID`.
struct AdminPublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Publish final results: the board becomes final and transcripts public.",
        discussion: "Example:\n  arena admin publish demo")
    @Argument(help: "Contest id.") var contest: String
    @OptionGroup var global: GlobalOptions
    func run() async throws {
        try await AdminContestAction.run(global, contest: contest, action: "publish", done: "Published results of")
    }
}

/// `arena admin rerun CONTEST` or `arena admin rerun --run RUN`.
struct AdminRerunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rerun", abstract: "Re-evaluate a contest, or queue a new attempt of one run.",
        discussion: """
            With a contest id, queues a new evaluation of every eligible submission. With --run, \
            queues a new attempt of that run: its results stay until the new attempt commits.

            Examples:
              arena admin rerun demo
              arena admin rerun --run 17
            """)
    @Argument(help: "Contest id (re-evaluate everything).") var contest: String?
    @Option(help: "Re-run just this run.") var run: Int64?
    @OptionGroup var global: GlobalOptions
    func validate() throws {
        guard (contest != nil) != (run != nil) else { throw ValidationError("pass either a contest id or --run RUN") }
    }
    func run() async throws {
        if let contest {
            return try await AdminContestAction.run(
                global, contest: contest, action: "evaluate",
                done: "Queued a new evaluation of")
        }
        try await CommandRunner.run(global, audience: .organizer) { session in
            let view = try await session.authenticatedClient().post(
                "/v1/admin/runs/\(run ?? 0)/rerun", as: RerunView.self)
            if session.json { return Output.json(view) }
            Console.out("Queued a new attempt of run \(view.runId) (job \(view.jobId)); the run is \(view.runStatus).")
        }
    }
}

/// `arena admin phases ID`.
struct AdminPhasesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phases", abstract: "List a contest's phases (change them in the YAML and `contest update`).",
        discussion: "Example:\n  arena admin phases demo --json")
    @Argument(help: "Contest id.") var contest: String
    @OptionGroup var global: GlobalOptions
    func run() async throws {
        try await CommandRunner.run(global, audience: .organizer) { session in
            let view = try await session.client.get("/v1/contests/\(contest.pathEscaped)", as: ContestView.self)
            if session.json { return Output.json(view.phases) }
            var table = Table(["PHASE", "STARTS", "ENDS", "FINAL SELECTION"])
            for phase in view.phases {
                table.add([phase.name, phase.startsAt ?? "-", phase.endsAt ?? "-", phase.finalSelection ? "yes" : "no"])
            }
            Console.out(table.render(session.terminal))
        }
    }
}
