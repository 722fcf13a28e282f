import Foundation
import Synchronization

/// A one-line progress bar on standard error, redrawn at most every 1 % (terminal only).
final class ProgressBar: Sendable {
    private let label: String
    private let enabled: Bool
    private let last = Mutex(-1)

    init(label: String, enabled: Bool) {
        self.label = label
        self.enabled = enabled
    }

    /// Reports `done` of `total`.
    func update(_ done: Int, of total: Int) {
        guard enabled, total > 0 else { return }
        let percent = done * 100 / total
        let changed = last.withLock { previous -> Bool in
            guard percent != previous else { return false }
            previous = percent
            return true
        }
        guard changed else { return }
        let width = 30
        let filled = done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        Console.errRaw("\r\(label) \(bar) \(done)/\(total) (\(percent)%)")
    }

    /// Clears the line.
    func finish() {
        guard enabled else { return }
        Console.errRaw("\r\u{1B}[2K")
    }
}
