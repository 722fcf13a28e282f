import ArgumentParser
import Storage

/// `arena-server bootstrap-organizer NAME`: creates an organizer and prints its token once.
struct BootstrapOrganizerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bootstrap-organizer", abstract: "Create an organizer and print its token (shown only once).",
        discussion: "Example: arena-server bootstrap-organizer alice  →  export ARENA_TOKEN=pa_org_…")

    @Argument(help: "Organizer name.") var name: String
    @OptionGroup var options: ServerOptions

    func run() async throws {
        let environment = try ServerEnvironment.make(options, label: "perparena.bootstrap")
        defer { environment.shutdown() }
        _ = try await environment.migrate()
        try await withDatabase(environment) {
            let token = TokenHash.generate(prefix: "pa_org")
            if try await environment.store.createOrganizer(name: name, tokenHash: TokenHash.hash(token)) == nil {
                throw ValidationError("organizer \(name) exists already; pick another name")
            }
            try await environment.store.appendAudit(
                actor: "system", action: "organizer.created", subject: "organizer:\(name)")
            print(token)
        }
    }
}
