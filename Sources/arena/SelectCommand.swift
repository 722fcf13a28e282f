import APIModels
import ArgumentParser

/// `arena select SUBMISSION`: picks the submission ranked in a final-selection phase.
struct SelectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "select",
        abstract: "Choose which of your submissions counts for the final ranking (final-selection phases).",
        discussion: """
            Only while a contest phase with final_selection is open; rejected or failed \\
            submissions cannot be selected.

            Examples:
              arena select 42
              arena select 42 --json
            """)

    @Argument(help: "Submission id (see `arena status`).") var submission: Int64
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CommandRunner.run(global) { session in
            let view = try await session.authenticatedClient().post(
                "/v1/submissions/\(submission)/select",
                as: SubmissionView.self)
            if session.json { return Output.json(view) }
            Console.out(
                "Submission \(view.id) is selected for the final ranking (status \(session.terminal.status(view.status)))."
            )
        }
    }
}
