/// Waits between retries while a server is unreachable: 1 s, 2 s, 4 s, 8 s, then every 10 s
/// (the caller bounds the total, e.g. `submit --timeout`).
struct RetryBackoff: Sendable {
    /// The first wait.
    var first: Duration = .seconds(1)
    /// The longest wait.
    var cap: Duration = .seconds(10)
    private var attempts = 0

    /// The wait before the next attempt.
    mutating func next() -> Duration {
        defer { attempts += 1 }
        var wait = first
        for _ in 0..<min(attempts, 16) where wait < cap { wait = wait * 2 }
        return min(wait, cap)
    }

    /// The server answered: start again from ``first``.
    mutating func reset() { attempts = 0 }
}
