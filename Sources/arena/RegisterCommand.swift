import APIModels
import ArgumentParser
import Foundation

/// `arena register`: registers a team in a contest and saves its token in the profile.
struct RegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register a team in a contest; the token is printed once and saved to your profile.",
        discussion: """
            The token is shown only in this command's output and saved (mode 0600) in the \
            configuration file; later commands use it automatically. If the current profile already \
            holds a token, use another --profile or pass --force to replace it.

            Examples:
              arena register --contest demo --name "Team Rocket"
              arena register --server http://127.0.0.1:8080 --contest demo --team "My Team"
              arena register --server https://arena.example --contest cup --name rocket --invite 7H3K
              arena register --profile second-team --contest demo --name other --json
            """)

    @Option(help: "Contest id (see `arena contests`).") var contest: String?
    @Option(name: [.customLong("name"), .customLong("team")], help: "Team name, 1-64 printable characters.")
    var name: String
    @Option(help: "Invite code, when the contest needs one.") var invite: String?
    @Flag(help: "Replace a token already saved in this profile.") var force = false
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CommandRunner.run(global) { session in
            let contest = try session.contest(contest)
            if session.config.profiles[session.profileName]?.token != nil, !force {
                throw CLIError(
                    "profile_in_use", "profile \(session.profileName) already holds a team token",
                    hint: "pass --profile NEW to keep both teams, or --force to replace it",
                    exitCode: ExitCodes.usage)
            }
            let reply = try await session.client.post(
                "/v1/contests/\(contest.pathEscaped)/teams",
                json: TeamRegistrationRequest(name: name, inviteCode: invite),
                as: TeamRegistrationResponse.self)
            try session.updateProfile {
                $0.token = reply.token
                $0.contest = reply.contestId
                $0.teamId = reply.teamId
                $0.teamName = reply.name
                $0.role = "team"
            }
            if session.json { return Output.json(reply) }
            let t = session.terminal
            Console.out(
                "Registered team \(t.paint(reply.name, .bold)) (id \(reply.teamId)) in contest \(reply.contestId).")
            Console.out("Token: \(reply.token)")
            Console.out(
                t.paint(
                    "This token is shown only once; it is saved in profile \(session.profileName) (\(session.configPath)).",
                    .dim))
            Console.out("Next: `arena submit --wait` from your bundle directory.")
        }
    }
}

extension String {
    /// Percent-escaped for one URL path segment.
    var pathEscaped: String {
        addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(.init(charactersIn: "/"))) ?? self
    }
}
