import ArgumentParser
import ServiceLifecycle

/// `arena-server serve`: the HTTP API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the HTTP API (applies pending migrations first).",
        discussion: "Example: DATABASE_URL=postgres://arena@db/arena arena-server serve --host 0.0.0.0 --port 8080")

    @Option(help: "Address to bind.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "Also run this many runners in this process.") var runners = 0
    @OptionGroup var options: ServerOptions

    func run() async throws {
        if runners > 0 { try HelperCheck.requireWorkerBinaries() }
        let environment = try ServerEnvironment.make(options, label: "perparena.serve")
        defer { environment.shutdown() }
        _ = try await environment.migrate()
        let app = ApplicationFactory.make(environment: environment, host: host, port: port)
        let services: [any Service] =
            [app, DatabaseMetricsService.make(environment: environment)]
            + RunnerFactory.make(environment: environment, count: runners)
        try await ServiceGroupFactory.make(environment: environment, services: services).run()
    }
}
