import ArenaResources
import ArgumentParser
import Foundation
import ServiceLifecycle

/// `arena-server demo`: the whole product on one machine.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Run the demo contest end to end and keep serving the API.",
        discussion: """
            Starts the embedded PostgreSQL (or uses DATABASE_URL), migrates, creates the demo contest from
            Seeds/contests/demo.yaml, registers the sample teams and submits their strategies through the
            HTTP API, runs the contest on two in-process runners, prints the leaderboard and its URL, and
            keeps serving on 127.0.0.1:8080 until Ctrl-C. Running it again reuses the database and teams.
            Seeds/ and Migrations/ come from ARENA_SEEDS_DIR / ARENA_MIGRATIONS_DIR (or ARENA_RESOURCES_DIR),
            else <prefix>/share/perparena next to the binary, else the checkout the binary was built in.
            """)

    @Option(help: "Address to bind.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "Contest definition to load.") var contest: String?
    @Option(
        help: """
            Teams to register: a JSON list of {name, bundle} (bundles relative to the file's \
            directory, or absolute).
            """
    )
    var teams: String?
    @Flag(help: "Exit after printing the leaderboard instead of serving until Ctrl-C.") var exitAfterRun = false
    @OptionGroup var options: ServerOptions

    func run() async throws {
        try HelperCheck.requireWorkerBinaries()
        try HelperCheck.requireIsolation(flag: nil, developmentDefault: true)
        let environment = try ServerEnvironment.make(options, label: "perparena.demo")
        defer { environment.shutdown() }
        let contestPath = try contest ?? RuntimePaths.resources.file("contests/demo.yaml", in: .seeds)
        _ = try await environment.migrate()
        let app = ApplicationFactory.make(environment: environment, host: host, port: port)
        let driver = DemoDriver(
            environment: environment, baseURL: "http://\(host):\(port)", contestPath: contestPath,
            exitAfterRun: exitAfterRun, teamsPath: teams)
        let services: [any Service] =
            [app, DatabaseMetricsService.make(environment: environment)]
            + RunnerFactory.make(environment: environment, count: 2)
        try await ServiceGroupFactory.make(environment: environment, services: services, finishing: driver).run()
    }
}
