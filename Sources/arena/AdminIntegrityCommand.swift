import APIModels
import ArgumentParser
import AuditLog
import Foundation
import NIOHTTP1

/// `arena admin integrity CONTEST`: the contest's integrity report (docs/INTEGRITY.md) — who is
/// flagged, by which detector, with the evidence in one line; `--json` prints the report's exact
/// bytes, `--output FILE` saves them.
struct AdminIntegrityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "integrity",
        abstract: "Show a contest's fair-play report: PnL transfer, wash trading, copying, spoofing.",
        discussion: """
            The runners compute the report when an evaluation's last run completes, from the runs' \
            transcripts and the thresholds in the contest definition (`integrity:`). A flag never \
            changes the board: review it, then clear or acknowledge it (`arena admin \
            integrity-review`) and, if it is an offence, disqualify the team with a reason \
            (`arena admin disqualify`); after publication, amend the board (`arena admin amend`).

            Before publication the report covers private rounds and is for organizers only; after \
            publication it is public and `arena verify --contest` recomputes it byte for byte.

            Examples:
              arena admin integrity demo --profile org
              arena admin integrity demo --evaluation 14 --output report.json --profile org
              arena admin integrity demo --json --profile org | jq '.transfer[0]'
            """)
    @Argument(help: "Contest id.") var contest: String
    @Option(help: "An evaluation id (default: the newest evaluation with a report).") var evaluation: Int64?
    @Option(help: "Save the report's exact bytes to this file.") var output: String?
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CommandRunner.run(global, audience: .organizer) { session in
            let query = evaluation.map { "?evaluation=\($0)" } ?? ""
            let path = "/v1/admin/contests/\(contest.pathEscaped)/integrity\(query)"
            let reply = try await session.authenticatedClient().send("GET", path)
            let digest = Hash256.of(reply.body).hex
            if let stated = reply.headers.first(name: "Arena-Report-SHA256"), stated != digest {
                throw CLIError(
                    "report_hash_mismatch", "the report's bytes hash to \(digest), the server states \(stated)",
                    hint: "fetch it again; if it persists the server is serving a damaged report",
                    exitCode: ExitCodes.server)
            }
            if let output {
                do {
                    try Data(reply.body).write(to: URL(fileURLWithPath: output))
                } catch {
                    throw CLIError("write_failed", "cannot write \(output): \(error)", exitCode: ExitCodes.usage)
                }
            }
            if session.json { return Console.out(reply.text) }
            let report: AdminIntegrityReport
            do {
                report = try APIJSON.decoder().decode(AdminIntegrityReport.self, from: Data(reply.body))
            } catch {
                throw CLIError(
                    "unexpected_response", "the integrity report is not what this CLI expects (\(error))",
                    hint: "update the CLI to the server's version", exitCode: ExitCodes.server)
            }
            let evaluationId = reply.headers.first(name: "Arena-Evaluation-Id") ?? "?"
            Console.out(
                "Integrity report of \(report.contestId), evaluation \(evaluationId): \(report.runs.count) run(s), "
                    + "sha256 \(digest)")
            let rows = report.rows()
            if rows.isEmpty {
                Console.out("No findings: no team is flagged at the contest's thresholds.")
            } else {
                var table = Table(["FLAGGED", "KIND", "TEAMS", "EVIDENCE"], alignments: [.left, .left, .left, .left])
                for row in rows { table.add(row) }
                Console.out(table.render(session.terminal))
                Console.out(
                    "Flagged teams: \(report.flaggedTeams.isEmpty ? "none" : report.flaggedTeams.joined(separator: ", ")). "
                        + "Details: --json; review: arena admin integrity-review \(contest) --team ID --kind KIND "
                        + "--decision clear|acknowledge --reason TEXT")
            }
            if let output { Console.out("Saved the report's bytes to \(output).") }
        }
    }
}
