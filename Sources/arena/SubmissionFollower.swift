import APIModels
import Foundation

/// Polls a submission until it reaches a final status, showing each transition (a live status
/// line with elapsed time on a terminal, one line per transition otherwise).
struct SubmissionFollower {
    let client: APIClient
    let session: Session
    let timeout: Duration

    /// Poll interval: `ARENA_POLL_MS` (default 1000 ms).
    var interval: Duration {
        .milliseconds(Int(ProcessInfo.processInfo.environment["ARENA_POLL_MS"] ?? "") ?? 1000)
    }

    func follow(_ initial: SubmissionView) async throws -> SubmissionView {
        var view = initial
        var shown = initial.statusHistory.count
        let clock = ContinuousClock()
        let start = clock.now
        let live = session.terminal.progress && !session.json
        var frame = 0
        while !SubmitCommand.terminalStatuses.contains(view.status) {
            if clock.now - start > timeout {
                if live { Console.errRaw("\r\u{1B}[2K") }
                throw CLIError(
                    "wait_timeout", "submission \(view.id) is still \(view.status) after \(timeout)",
                    hint: "it keeps going on the server; follow it with `arena status \(view.id)`",
                    exitCode: ExitCodes.timeout)
            }
            try await Task.sleep(for: interval)
            view = try await client.get("/v1/submissions/\(view.id)", as: SubmissionView.self)
            if !session.json {
                if live { Console.errRaw("\r\u{1B}[2K") }
                for change in view.statusHistory.dropFirst(shown) {
                    Console.err("  → \(session.terminal.status(change.status))\(change.detail.map { ": \($0)" } ?? "")")
                }
            }
            shown = view.statusHistory.count
            if live && !SubmitCommand.terminalStatuses.contains(view.status) {
                let spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"][frame % 10]
                let seconds = (clock.now - start).components.seconds
                Console.errRaw("\(spinner) \(view.status)… \(seconds)s")
                frame += 1
            }
        }
        return view
    }
}
