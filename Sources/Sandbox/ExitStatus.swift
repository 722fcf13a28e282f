/// How a worker's bot process ended, as seen by the sandbox.
public enum ExitStatus: Sendable, Hashable, Codable {
    case exited(Int32)
    case signaled(Int32)
    /// Killed together with its sandbox (by the host: fault or end of run).
    case killed
    case unknown
}
