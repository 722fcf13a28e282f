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
        let environment = try ServerEnvironment.make(options, label: "perparena.serve")
        defer { environment.shutdown() }
        let app = ApplicationFactory.make(environment: environment, host: host, port: port)
        let services: [any Service] = [app, DatabaseMetricsService.make(environment: environment)]
            + RunnerFactory.make(environment: environment, count: runners)
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: environment.database), .init(service: StartupService(environment: environment, services: services))],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: environment.logger))
        try await group.run()
    }
}
