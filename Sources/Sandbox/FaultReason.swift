/// Why a worker was faulted. `code` is stable snake_case (see the constants); `detail` is human text.
public struct FaultReason: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public var code: String
    public var detail: String

    /// Creates a reason.
    public init(code: String, detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { detail.isEmpty ? code : "\(code): \(detail)" }

    /// The process exited or was killed by a signal on its own.
    public static let crashed = "crashed"
    /// `maxStrikes` consecutive ticks without a timely reply.
    public static let deadlineStrikes = "deadline_strikes"
    /// A line that is not a valid protocol message.
    public static let protocolViolation = "protocol_violation"
    /// Killed by the memory cgroup.
    public static let memoryLimit = "memory_limit"
    /// RLIMIT_CPU exceeded.
    public static let cpuLimit = "cpu_limit"
    /// Too many lines or bytes on stdout in one tick, or too much stderr.
    public static let outputFlood = "output_flood"
    /// The bot closed stdout (or stdin) but kept running.
    public static let stdoutClosed = "stdout_closed"
    /// The bot left more than `SandboxConfiguration.maxPendingStdinBytes` of its input unread.
    public static let stdinBacklog = "stdin_backlog"
    /// The worker could not be started or the sandbox could not be set up.
    public static let startFailed = "start_failed"
    /// Faulted by the host (e.g. too many invalid actions); the detail says why.
    public static let hostDecision = "host_decision"
}
