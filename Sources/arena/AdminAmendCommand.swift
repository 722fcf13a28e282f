import APIModels
import ArgumentParser
import Foundation

/// `arena admin amend ID --reason TEXT`: a new signed board version after publication.
struct AdminAmendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amend",
        abstract: "Amend a published board: a new signed version naming the previous one and the reason.",
        discussion: """
            A published board never changes in place. After a correction (a disqualification, a \
            rerun of a run that failed for a platform reason), amend it: the runners sign version \
            n + 1, which names version n, its SHA-256 and your reason; the audit log records it.

            Example:
              arena admin disqualify demo --team 7 --reason "shared accounts" --profile org
              arena admin amend demo --reason "team 7 disqualified: shared accounts" --profile org
            """)
    @Argument(help: "Contest id.") var contest: String
    @Option(help: "Why the board is amended (shown in the new version and the audit log).") var reason: String
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError("--reason must say why the board is amended")
        }
    }

    func run() async throws {
        try await AdminContestAction.run(
            global, contest: contest, action: "amend", body: AmendmentRequest(reason: reason),
            done: "Requested a new signed board version of")
    }
}
