import APIModels
import Foundation

/// Polls a submission until it reaches a final status, showing each transition (a live status
/// line with elapsed time on a terminal, one line per transition otherwise). Rides out server
/// restarts: while the server is unreachable or briefly unavailable it retries with backoff
/// (see ``RetryBackoff``), saying so, until the submission finishes or `timeout` passes.
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
        var backoff = RetryBackoff()
        var pause = interval
        var unreachableSince: ContinuousClock.Instant?
        while !SubmitCommand.terminalStatuses.contains(view.status) {
            let remaining = timeout - (clock.now - start)
            if remaining <= .zero {
                if live { Console.errRaw("\r\u{1B}[2K") }
                throw timedOut(view, unreachableFor: unreachableSince.map { clock.now - $0 })
            }
            try await Task.sleep(for: min(pause, remaining))
            do {
                view = try await client.get("/v1/submissions/\(view.id)", as: SubmissionView.self)
            } catch let error as CLIError where error.isTransient {
                if live { Console.errRaw("\r\u{1B}[2K") }
                unreachableSince = unreachableSince ?? clock.now
                pause = backoff.next()
                let what = error.httpStatus.map { "server unavailable (HTTP \($0))" } ?? "server unreachable"
                Console.err(
                    "\(what), retrying in \(pause.components.seconds)s (your submission \(view.id) continues on the server; follow it with `arena status \(view.id)`)"
                )
                continue
            }
            if unreachableSince != nil, !session.json {
                Console.err("  server is back; following submission \(view.id)")
            }
            unreachableSince = nil
            backoff.reset()
            pause = interval
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

    /// `--timeout` passed: the submission keeps going on the server either way.
    private func timedOut(_ view: SubmissionView, unreachableFor: Duration?) -> CLIError {
        let message =
            unreachableFor.map {
                "gave up waiting for submission \(view.id) after \(timeout): the server has been unreachable for \($0.components.seconds)s (last seen \(view.status))"
            } ?? "submission \(view.id) is still \(view.status) after \(timeout)"
        return CLIError(
            "wait_timeout", message,
            hint: "it keeps going on the server; follow it with `arena status \(view.id)`",
            exitCode: ExitCodes.timeout)
    }
}
