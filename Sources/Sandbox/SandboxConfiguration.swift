public import BotProtocol

/// Everything a `WorkerGroup` needs besides the launches. Passed to `WorkerGroup.init`.
public struct SandboxConfiguration: Sendable, Hashable {
    /// Path of the `arena-sandbox` helper binary (built from the CSandboxHelper target).
    public var helperPath: String
    /// Path of the `arena-worker` binary, for runtime `rules`.
    public var workerPath: String
    /// Python for runtime `python`; Debian's, never a pyenv shim (90–150 ms per start).
    public var pythonPath: String
    /// Directory holding `perparena.py`, mounted read-only at `/sdk` (PYTHONPATH) for Python bots.
    public var pythonSDKDirectory: String?
    public var isolation: Isolation
    public var limits: ResourceLimits
    /// Wall-clock deadline for each reply after the first.
    public var tickDeadline: Duration
    /// Deadline for the reply to the first observation (covers interpreter start-up).
    public var firstTickDeadline: Duration
    /// Consecutive missed ticks that fault a worker.
    public var maxStrikes: Int
    /// Log-line bytes kept per team; more are dropped and counted.
    public var maxLogBytesPerTeam: Int
    /// Stderr bytes a worker may write in total before it is faulted for flooding.
    public var maxStderrBytes: Int
    /// Stderr bytes kept for the report (half head, half tail).
    public var keptStderrBytes: Int
    /// Longest accepted line from a bot (bytes, newline excluded).
    public var maxLineBytes: Int
    /// Most actions in one reply; more is a protocol violation.
    public var maxActionsPerTick: Int
    /// Most lines (replies + logs) a bot may send per tick before it is faulted for flooding.
    public var maxLinesPerTick: Int
    /// First uid (and gid) of the host-wide team uid pool (sandboxed mode). Every worker leases
    /// a uid of its own from `uidBase ..< uidBase + uidCount` for its lifetime, so no two workers
    /// on a host (in any heat, any runner process) share a uid, and RLIMIT_NPROC, which counts
    /// per uid host-wide, cannot let one team's bot stop another's from starting.
    public var uidBase: UInt32
    /// Size of the uid pool: the most sandboxed workers that can run at once on one host.
    public var uidCount: Int
    /// Root-owned directory (mode 0700, created if missing) of the pool's lock files, one per
    /// uid; a lease is an exclusive `flock` held by the worker's helper until it exits. Every
    /// runner on a host must use the same directory and the same or disjoint ranges.
    public var uidLockDirectory: String
    /// Most bytes of observations a bot may leave unread on its stdin (beyond what the pipe
    /// holds) before it is faulted `stdin_backlog`. Bounds the host's memory per bot. Default
    /// 1 MiB: 16 maximal lines, hundreds of ticks of a typical observation.
    public var maxPendingStdinBytes: Int
    /// How long `finish` waits for bots to exit after `end` before killing them.
    public var endGrace: Duration
    /// Extra host paths bound read-only into every sandbox (`SRC` or `SRC:DST`). For `rules`
    /// the worker binary and the Swift runtime library directory are added automatically.
    public var extraReadOnlyPaths: [String]
    /// Directory of installed bot runtimes (`<dir>/<name>/runtime.json`, built by
    /// `Deployment/runtimes/build.sh`); default `/opt/perparena/runtimes` (`ARENA_RUNTIMES_DIR`).
    public var runtimesDirectory: String = RuntimeEnvironment.defaultDirectory

    /// The limits to announce in `hello`, consistent with what this configuration enforces.
    public var protocolLimits: ProtocolLimits {
        let (seconds, attoseconds) = tickDeadline.components
        let milliseconds = Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
        return ProtocolLimits(
            tickDeadlineMs: milliseconds, maxActionsPerTick: maxActionsPerTick, maxLineBytes: maxLineBytes)
    }

    /// Directory of the Swift runtime libraries of this process (e.g.
    /// `/opt/swift/usr/lib/swift/linux`), which dynamically linked Swift-built bots need in
    /// their sandbox; `nil` when statically linked or not found.
    public static var hostSwiftRuntimeDirectory: String? { HelperInvocation.swiftRuntimeDirectory }

    /// Creates a configuration; defaults follow docs/BOT-PROTOCOL.md.
    public init(
        helperPath: String, workerPath: String = "", pythonPath: String = "/usr/bin/python3",
        pythonSDKDirectory: String? = nil, isolation: Isolation = .sandboxed, limits: ResourceLimits = ResourceLimits(),
        tickDeadline: Duration = .milliseconds(200), firstTickDeadline: Duration = .seconds(5), maxStrikes: Int = 5,
        maxLogBytesPerTeam: Int = 256 * 1024, maxStderrBytes: Int = 1 << 20, keptStderrBytes: Int = 16 * 1024,
        maxLineBytes: Int = 65_536, maxActionsPerTick: Int = 32, maxLinesPerTick: Int = 256, uidBase: UInt32 = 61_000,
        endGrace: Duration = .milliseconds(300), extraReadOnlyPaths: [String] = [], uidCount: Int = 1_000,
        uidLockDirectory: String = "/run/perparena/uids", maxPendingStdinBytes: Int = 1 << 20
    ) {
        self.helperPath = helperPath
        self.workerPath = workerPath
        self.pythonPath = pythonPath
        self.pythonSDKDirectory = pythonSDKDirectory
        self.isolation = isolation
        self.limits = limits
        self.tickDeadline = tickDeadline
        self.firstTickDeadline = firstTickDeadline
        self.maxStrikes = maxStrikes
        self.maxLogBytesPerTeam = maxLogBytesPerTeam
        self.maxStderrBytes = maxStderrBytes
        self.keptStderrBytes = keptStderrBytes
        self.maxLineBytes = maxLineBytes
        self.maxActionsPerTick = maxActionsPerTick
        self.maxLinesPerTick = maxLinesPerTick
        self.uidBase = uidBase
        self.endGrace = endGrace
        self.extraReadOnlyPaths = extraReadOnlyPaths
        self.uidCount = uidCount
        self.uidLockDirectory = uidLockDirectory
        self.maxPendingStdinBytes = maxPendingStdinBytes
    }
}
