import ArgumentParser
import Foundation

/// `arena`: the PerpArena command line for teams and organizers.
@main
struct Arena: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arena",
        abstract: "PerpArena: build, test and submit trading bots; run and audit contests.",
        discussion: """
            A team's journey:
              arena init mybot && cd mybot   # scaffold (--template rules|python)
              arena check .                  # validate offline
              arena backtest                 # run locally in the simulated market
              arena register --contest demo --name "my team"
              arena submit --wait            # upload, follow validation + evaluation
              arena leaderboard              # where you stand
              arena logs                     # your bot's output, latest run
              arena verify RUN               # replay and check the transcript

            Configuration: profiles (server URL and token) in $ARENA_CONFIG, else \
            ~/.config/arena/config.json (mode 0600). Environment overrides: ARENA_SERVER, \
            ARENA_TOKEN, ARENA_PROFILE, ARENA_CONTEST. Colour only on a terminal without NO_COLOR. \
            Every command takes --json for stable machine-readable output.

            \(ExitCodes.help)

            Full reference: docs/CLI.md.
            """,
        subcommands: [
            InitCommand.self, CheckCommand.self, BacktestCommand.self, ContestsCommand.self, RegisterCommand.self,
            LoginCommand.self, LogoutCommand.self, WhoamiCommand.self, SubmitCommand.self, StatusCommand.self,
            SelectCommand.self, UseCommand.self, LogsCommand.self, LeaderboardCommand.self, VerifyCommand.self,
            AdminCommand.self,
            SimCommand.self, CompletionsCommand.self, RuntimeCommand.self, DecisionsCommand.self,
        ])

    /// Parses the command line and runs the command. `SIGPIPE` is ignored first, so a reader
    /// that goes away (`arena status | head -1`) is an `EPIPE` on write, which ``Console`` turns
    /// into a quiet exit, instead of a signal or a crash.
    static func main() async {
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let message = TokenFormat.redactingTokens(fullMessage(for: error))
            let code = exitCode(for: error)
            if !message.isEmpty {
                if code == .success { Console.out(message) } else { Console.err(message) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
