import ArgumentParser
import Foundation
import Storage

/// `arena-server bootstrap-organizer NAME`: creates an organizer and prints a token for it.
/// Idempotent: when the organizer exists, it issues an additional token instead (earlier tokens
/// keep working), so the command can be re-run safely, e.g. after losing the token.
struct BootstrapOrganizerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bootstrap-organizer",
        abstract: "Create an organizer (or issue a new token for an existing one) and print the token once.",
        discussion: """
            Standard output holds only the token, so it can be captured; what happened goes to \
            standard error. Run twice with the same NAME, it says "organizer NAME exists; issued a \
            new token" and prints a new token: earlier tokens stay valid. Both cases are recorded \
            in the audit log. Exit code 0 on success, 2 for an invalid name, 1 when the database \
            cannot be used.

            Examples:
              arena-server bootstrap-organizer alice
              arena login --profile org --token "$(arena-server bootstrap-organizer alice)"
            """)

    @Argument(help: "Organizer name (1-64 printable characters).") var name: String
    @OptionGroup var options: ServerOptions

    func run() async throws {
        let name = self.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...64).contains(name.count), name.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F })
        else {
            Self.note("error: the organizer name must be 1-64 printable characters")
            throw ExitCode(2)
        }
        let environment = try ServerEnvironment.make(options, label: "perparena.bootstrap")
        defer { environment.shutdown() }
        _ = try await environment.migrate()
        try await withDatabase(environment) {
            let token = TokenHash.generate(prefix: "pa_org")
            let hash = TokenHash.hash(token)
            if try await environment.store.createOrganizer(name: name, tokenHash: hash) != nil {
                try await environment.store.appendAudit(
                    actor: "system", action: "organizer.created", subject: "organizer:\(name)")
                Self.note("created organizer \(name)")
            } else if try await environment.store.addOrganizerToken(name: name, tokenHash: hash) {
                try await environment.store.appendAudit(
                    actor: "system", action: "organizer.token_issued", subject: "organizer:\(name)")
                Self.note("organizer \(name) exists; issued a new token (earlier tokens stay valid)")
            } else {
                Self.note("error: organizer \(name) could be neither created nor found; try again")
                throw ExitCode(1)
            }
            print(token)
            Self.note("the token is shown only this once: save it with `arena login --profile org --token TOKEN`")
        }
    }

    /// A line on standard error (standard output carries only the token).
    private static func note(_ line: String) {
        try? FileHandle.standardError.write(contentsOf: Data((line + "\n").utf8))
    }
}
