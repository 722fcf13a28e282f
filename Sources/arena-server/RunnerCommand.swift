import ArgumentParser
import ServiceLifecycle

/// `arena-server runner`: claims and runs evaluation jobs.
struct RunnerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runner", abstract: "Run contest runners that claim jobs from the database.",
        discussion: """
            Any number of runner processes on any hosts may share one database. SIGTERM stops accepting
            work; a heat in progress is handed back to the queue so another runner retries it.
            Example: arena-server runner --count 2
            """)

    @Option(help: "Runners in this process.") var count = 1
    @Option(help: "Serve /metrics and /healthz on this port (off by default).") var metricsPort: Int?
    @Option(help: "Address for --metrics-port.") var metricsHost = "127.0.0.1"
    @Option(
        help: """
            Bot isolation: sandboxed (production, needs root) or plain (local development only). \
            Required, here or as ARENA_ISOLATION.
            """)
    var isolation: String?
    @OptionGroup var options: ServerOptions

    func run() async throws {
        try HelperCheck.requireWorkerBinaries()
        try HelperCheck.requireIsolation(flag: isolation)
        let environment = try ServerEnvironment.make(options, label: "perparena.runner")
        defer { environment.shutdown() }
        _ = try await environment.migrate()
        var runners = RunnerFactory.make(environment: environment, count: max(1, count))
        if let metricsPort {
            runners.append(
                RunnerMetricsApplication.make(
                    registry: environment.metrics, host: metricsHost,
                    port: metricsPort, logger: environment.logger))
        }
        try await ServiceGroupFactory.make(environment: environment, services: runners).run()
    }
}
