import APIModels
import ArgumentParser

/// `arena whoami`: shows which team or organizer the current token belongs to.
struct WhoamiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Show the team or organizer of the current profile's token (never the token itself).",
        discussion: """
            Examples:
              arena whoami
              arena whoami --profile org --json
            """)

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CommandRunner.run(global) { session in
            let identity = try await Identity.fetch(session)
            if session.json { return Output.json(identity) }
            let t = session.terminal
            if let team = identity.team {
                Console.out("Team:     \(t.paint(team.name, .bold)) (id \(team.teamId))")
                Console.out("Contest:  \(team.contestId)")
                if team.disqualified {
                    Console.out("Status:   \(t.paint("disqualified", .red)): \(team.disqualifyReason ?? "")")
                }
            } else {
                Console.out("Organizer: \(t.paint(identity.organizer ?? "?", .bold))")
            }
            Console.out("Server:   \(session.server)")
            Console.out("Profile:  \(session.profileName) (\(session.configPath))")
        }
    }
}
