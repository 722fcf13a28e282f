import APIModels
import ArgumentParser

/// `arena contests`: the server's contests.
struct ContestsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contests",
        abstract: "List the contests on the server (ids for `arena register --contest`).",
        discussion: """
            Examples:
              arena contests
              arena contests --server https://arena.example --json
            """)

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CommandRunner.run(global) { session in
            let contests = try await session.client.get("/v1/contests", as: [ContestView].self)
            if session.json { return Output.json(contests) }
            let t = session.terminal
            guard !contests.isEmpty else { return Console.out("No contests on \(session.server) yet.") }
            var table = Table(["ID", "NAME", "REGISTRATION", "INSTRUMENTS", "TICKS", "METRIC", "STATE"])
            for contest in contests {
                let registration = contest.registrationOpen ? (contest.inviteRequired ? "invite" : "open") : "closed"
                let state = contest.published ? "published" : contest.frozen ? "frozen" : "live"
                table.add([
                    t.paint(contest.id, .bold), contest.name, registration,
                    contest.instruments.joined(separator: ","), "\(contest.ticksPerRun)", contest.metric, state,
                ])
            }
            Console.out(table.render(t))
        }
    }
}
