import ArgumentParser

/// Options shared by the server commands.
struct ServerOptions: ParsableArguments {
    @Option(help: "Log level: trace, debug, info, notice, warning, error.")
    var logLevel: String = "info"

    @Option(help: "Directory for the embedded database, keys and work files (default: $ARENA_STATE_DIR or ./.arena).")
    var stateDir: String?
}
