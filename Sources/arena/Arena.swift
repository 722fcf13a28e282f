import ArgumentParser

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
            SelectCommand.self, LogsCommand.self, LeaderboardCommand.self, VerifyCommand.self, AdminCommand.self,
            SimCommand.self, CompletionsCommand.self,
        ])
}
