import ArgumentParser

/// `arena-server`: the PerpArena API server, runner, migrations and the demo.
@main
struct ArenaServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arena-server",
        abstract: "PerpArena server: HTTP API, contest runners, database migrations and a demo.",
        discussion: """
            With DATABASE_URL unset every command starts (or reuses) a private PostgreSQL cluster under
            .arena/postgres (override the state directory with ARENA_STATE_DIR).

            Examples:
              arena-server demo                      # everything on 127.0.0.1:8080 with sample teams
              arena-server serve --port 8080         # the HTTP API only
              arena-server runner --count 2          # two runners claiming jobs
              arena-server migrate                   # apply pending migrations and exit
              arena-server bootstrap-organizer alice # print a one-time organizer token
            """,
        subcommands: [
            DemoCommand.self, ServeCommand.self, RunnerCommand.self, MigrateCommand.self,
            BootstrapOrganizerCommand.self, RotateKeyCommand.self,
        ])
}
