import APIModels
import ArgumentParser

/// `arena use SUBMISSION`: makes one of the team's validated submissions its active entry.
struct UseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "use",
        abstract: "Make one of your validated submissions your team's entry on the board.",
        discussion: """
            Your entry is your newest submission that passed validation, unless you choose another \
            one here. Works whenever the contest accepts submissions; an evaluation is queued so \
            the board follows. Re-submitting a bundle you already submitted does the same. \
            Submissions that are still validating, were rejected or failed cannot be chosen. In a \
            final-selection phase, `arena select` still decides what is ranked at the end.

            Exit code 5 when the server refuses: the submission has not passed validation \
            (`not_activatable`), or the contest accepts no submissions now (`contest_closed`).

            Examples:
              arena use 41
              arena use 41 --json
            """)

    @Argument(help: "Submission id (see `arena status`).") var submission: Int64
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CommandRunner.run(global) { session in
            let view = try await session.authenticatedClient().post(
                "/v1/submissions/\(submission)/activate", as: SubmissionView.self)
            if session.json { return Output.json(view) }
            Console.out(
                "Submission \(view.id) (\(session.terminal.status(view.status))) is your active entry; "
                    + "the board follows at the next evaluation (`arena leaderboard`).")
        }
    }
}
