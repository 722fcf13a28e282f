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
    @Option(help: "Serve /metrics (no token) and /healthz on this port, apart from the API (off by default).")
    var metricsPort: Int?
    @Option(help: "Address for --metrics-port.") var metricsHost = "127.0.0.1"
    @OptionGroup var options: ServerOptions

    func run() async throws {
        if runners > 0 {
            try HelperCheck.requireWorkerBinaries()
            try HelperCheck.requireIsolation(flag: nil)
        }
        let environment = try ServerEnvironment.make(options, label: "perparena.serve")
        defer { environment.shutdown() }
        _ = try await environment.migrate()
        let app = ApplicationFactory.make(environment: environment, host: host, port: port)
        var services: [any Service] =
            [app, DatabaseMetricsService.make(environment: environment)]
            + RunnerFactory.make(environment: environment, count: runners)
        // Prometheus scrapes here; the API's own /metrics takes organizer tokens only.
        if let metricsPort {
            services.append(
                RunnerMetricsApplication.make(
                    registry: environment.metrics, host: metricsHost, port: metricsPort, logger: environment.logger))
        }
        try await ServiceGroupFactory.make(environment: environment, services: services).run()
    }
}
