import APIModels
import ArgumentParser
import Foundation

/// `arena admin integrity-review CONTEST --team ID --kind KIND --decision clear|acknowledge --reason TEXT`.
struct AdminIntegrityReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "integrity-review",
        abstract: "Clear or acknowledge an integrity finding with a reason (audited; signed after publication).",
        discussion: """
            Records your decision about one finding of the newest integrity report (or of \
            --evaluation) in the audit log, with the report's SHA-256 and your reason. After \
            publication it also requests a signed amendment of the board that carries the decision \
            in its reason (the rows do not change). Clearing or acknowledging never changes a \
            board: to act on an offence, disqualify the team (`arena admin disqualify TEAM --reason`).

            Examples:
              arena admin integrity-review demo --team 12 --kind copying --decision clear \\
                --reason "same public tutorial strategy; lag explained by a slower EMA" --profile org
              arena admin integrity-review demo --team 7 --kind transfer --decision acknowledge \\
                --reason "donor account of team 8, confirmed" --profile org
            """)
    enum Decision: String, ExpressibleByArgument, CaseIterable { case clear, acknowledge }
    enum Kind: String, ExpressibleByArgument, CaseIterable { case transfer, wash, copying, spoofing }
    @Argument(help: "Contest id.") var contest: String
    @Option(help: "The flagged team's id.") var team: Int64
    @Option(help: "The detector: transfer, wash, copying or spoofing.") var kind: Kind
    @Option(help: "clear (not an offence) or acknowledge (confirmed).") var decision: Decision
    @Option(help: "Why (recorded in the audit log and, after publication, in the signed amendment).")
    var reason: String
    @Option(help: "The evaluation whose report is reviewed (default: the newest).") var evaluation: Int64?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError("--reason must say why")
        }
    }

    func run() async throws {
        try await CommandRunner.run(global, audience: .organizer) { session in
            let view = try await session.authenticatedClient().post(
                "/v1/admin/contests/\(contest.pathEscaped)/integrity/review",
                json: IntegrityReviewRequest(
                    decision: decision.rawValue, teamId: team, kind: kind.rawValue, reason: reason,
                    evaluationId: evaluation),
                as: IntegrityReviewView.self)
            if session.json { return Output.json(view) }
            Console.out(
                "Recorded: \(view.kind) finding of team \(view.teamId) \(view.decision) "
                    + "(evaluation \(view.evaluationId), report \(view.reportSha256.prefix(16))…): \(view.reason)")
            if let job = view.amendmentJobId {
                Console.out(
                    "The contest is published: a signed board amendment carrying the decision is queued (job \(job)).")
            }
        }
    }
}
