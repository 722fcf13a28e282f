import APIModels
import ArgumentParser
import AuditLog
import Foundation

/// `arena admin audit verify`: fetches the audit log and checks its hash chain.
struct AdminAuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the organizer audit log's hash chain.",
        discussion: """
            Every organizer and system action is appended to a hash-chained log: each event's hash \
            covers the previous hash and the event's fields. `verify` recomputes every hash and link.

            Examples:
              arena admin audit verify
              arena admin audit verify --show 20
              arena admin audit verify --json
            """,
        subcommands: [Verify.self])

    /// `arena admin audit verify --json` output.
    struct Result: Codable, Sendable {
        var verified: Bool
        var events: Int
        var head: String?
        /// The first broken event, if any.
        var brokenAt: Int64?
        var problem: String?
        var recent: [AuditEventView]
    }

    /// `arena admin audit verify`.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify", abstract: "Recompute the audit log's hash chain.",
            discussion: "Example:\n  arena admin audit verify --show 10")
        @Option(help: "Also show the last N events.") var show = 0
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await CommandRunner.run(global, audience: .organizer) { session in
                let events = try await session.authenticatedClient().get("/v1/admin/audit", as: [AuditEventView].self)
                var result = AdminAuditCommand.check(events)
                result.recent = Array(events.suffix(show))
                if session.json {
                    Output.json(result)
                } else {
                    let t = session.terminal
                    if result.verified {
                        Console.out(
                            "\(t.paint("VERIFIED", .green)) audit log: \(result.events) events, head \(result.head ?? "-")"
                        )
                    } else {
                        Console.out(
                            "\(t.paint("FAILED", .red)) audit log at event \(result.brokenAt ?? 0): \(result.problem ?? "")"
                        )
                    }
                    var table = Table(
                        ["ID", "AT", "ACTOR", "ACTION", "SUBJECT"], alignments: [.right, .left, .left, .left, .left])
                    for event in result.recent {
                        table.add(["\(event.id)", event.at, event.actor, event.action, event.subject])
                    }
                    if !result.recent.isEmpty { Console.out(table.render(t)) }
                }
                if !result.verified { throw ExitCode(ExitCodes.failed) }
            }
        }
    }

    /// Recomputes every link and hash with the server's rule (`AuditChainEntry`).
    static func check(_ events: [AuditEventView]) -> Result {
        let entries = events.map { event in
            AuditChainEntry(
                id: event.id, at: event.at, actor: event.actor, action: event.action, subject: event.subject,
                details: (try? JSONDecoder().decode([String: String].self, from: Data(event.details.utf8))) ?? [:],
                previousHash: event.previousHash, hash: event.hash)
        }
        if let broken = AuditChainEntry.verify(entries) {
            return Result(
                verified: false, events: events.count, head: nil, brokenAt: broken.id, problem: broken.problem,
                recent: [])
        }
        return Result(
            verified: true, events: events.count, head: events.last?.hash, brokenAt: nil, problem: nil, recent: [])
    }
}
