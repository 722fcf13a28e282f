import APIModels
import ArgumentParser
import Foundation

/// `arena login`: saves an existing token (team or organizer) in a profile after checking it.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Save a team or organizer token in a profile (checked against the server first).",
        discussion: """
            The token is read from --token, or from standard input when --token is - or omitted \
            (so it stays out of your shell history). It is never printed.

            Examples:
              arena login --server http://127.0.0.1:8080 --token pa_team_…
              echo "$TOKEN" | arena login --profile org
              arena login --profile org --token pa_org_…   # organizer token for `arena admin`
            """)

    @Option(help: "The token; - or omitted reads it from standard input.") var token: String?
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CommandRunner.run(global) { session in
            var value = token ?? "-"
            if value == "-" {
                if session.terminal.interactive && isatty(STDIN_FILENO) == 1 { Console.errRaw("Token: ") }
                value = readLine(strippingNewline: true) ?? ""
            }
            value = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else {
                throw CLIError.usage("no token given", hint: "pass --token TOKEN or pipe it in")
            }
            if let problem = TokenFormat.problem(value) {
                throw CLIError(
                    "malformed_token", "that token is malformed: \(problem)",
                    hint: "copy the whole token (it starts with pa_team_ or pa_org_) and try again",
                    exitCode: ExitCodes.auth)
            }
            var checked = session
            checked.token = value
            checked.tokenSource = "--token"
            if value.hasPrefix("pa_org_") { checked.audience = .organizer }
            let identity = try await Identity.fetch(checked)
            try session.updateProfile {
                $0.token = value
                $0.role = identity.role
                $0.contest = identity.team?.contestId ?? $0.contest
                $0.teamId = identity.team?.teamId
                $0.teamName = identity.team?.name
            }
            if session.json { return Output.json(identity) }
            Console.out("Logged in as \(identity.summary) on \(session.server) (profile \(session.profileName)).")
        }
    }
}

/// `arena logout`: forgets the profile's token.
struct LogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout", abstract: "Remove the token from a profile.",
        discussion: "Example:\n  arena logout --profile org")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CommandRunner.run(global) { session in
            try session.updateProfile {
                $0.token = nil
                $0.role = nil
            }
            if session.json { return Output.json(["profile": session.profileName, "status": "logged_out"]) }
            Console.out("Removed the token from profile \(session.profileName).")
        }
    }
}
