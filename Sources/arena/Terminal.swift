import Foundation

/// What the output streams are: a terminal (tables, colour, progress) or a pipe (plain text).
struct Terminal: Sendable {
    /// Colour is on only for a terminal without `NO_COLOR` and with a `TERM` other than `dumb`.
    var color: Bool
    /// Standard output is a terminal.
    var interactive: Bool
    /// Standard error is a terminal (progress bars go there).
    var progress: Bool

    /// Detects the current process's streams and environment.
    static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) -> Terminal {
        let stdoutTTY = isatty(STDOUT_FILENO) == 1
        let stderrTTY = isatty(STDERR_FILENO) == 1
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
        let forced = environment["ARENA_FORCE_COLOR"] == "1"
        return Terminal(
            color: forced || (stdoutTTY && !noColor), interactive: stdoutTTY,
            progress: stderrTTY && environment["TERM"] != "dumb")
    }

    enum Style: String {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case blue = "34"
        case cyan = "36"
    }

    /// `text` in `style` when colour is on.
    func paint(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// Green for positive, red for negative decimal strings.
    func signed(_ decimal: String) -> String {
        if decimal.hasPrefix("-") { return paint(decimal, .red) }
        if decimal.allSatisfy({ $0 == "0" || $0 == "." }) { return decimal }
        return paint(decimal, .green)
    }

    /// Colour for a submission or run status.
    func status(_ status: String) -> String {
        switch status {
        case "scored", "finished", "complete", "verified", "ok": paint(status, .green)
        case "rejected", "failed", "disqualified", "faulted": paint(status, .red)
        case "queued", "running", "validating", "received": paint(status, .yellow)
        default: status
        }
    }
}
