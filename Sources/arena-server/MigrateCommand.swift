import ArgumentParser
import Storage

/// `arena-server migrate`: apply pending migrations and exit.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply pending database migrations and exit.",
        discussion: "Refuses to start when an applied migration file was edited (the message names the file).")

    @OptionGroup var options: ServerOptions

    func run() async throws {
        let environment = try ServerEnvironment.make(options, label: "perparena.migrate")
        defer { environment.shutdown() }
        let outcome = try await environment.migrate()
        print(
            outcome.applied.isEmpty
                ? "database is up to date (\(outcome.alreadyApplied.count) migrations applied earlier)"
                : "applied \(outcome.applied.count) migrations: \(outcome.applied.joined(separator: ", "))")
    }
}
