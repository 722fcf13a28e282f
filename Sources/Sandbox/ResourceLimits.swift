/// Per-worker resource limits. Memory, pids and CPU share are cgroup limits (whole worker,
/// all its processes); the others are rlimits of the bot process.
public struct ResourceLimits: Sendable, Hashable {
    /// cgroup memory limit (no swap), MiB.
    public var memoryMiB: Int
    /// cgroup pids.max, and RLIMIT_NPROC of the team uid.
    public var pids: Int
    /// RLIMIT_CPU for the whole run, seconds (SIGXCPU, then SIGKILL one second later).
    public var cpuSeconds: Int
    /// cgroup CPU quota as a percentage of one core (100 = one core).
    public var cpuPercent: Int
    /// Size of the `/scratch` tmpfs (also mounted at `/tmp`), MiB.
    public var scratchMiB: Int
    /// RLIMIT_NOFILE.
    public var openFiles: Int
    /// RLIMIT_FSIZE, MiB.
    public var fileSizeMiB: Int
    /// RLIMIT_AS, MiB; 0 leaves it unlimited (the cgroup is the real memory limit).
    public var addressSpaceMiB: Int

    /// Creates limits; defaults suit a Python bot in a contest of a few minutes.
    public init(
        memoryMiB: Int = 512, pids: Int = 64, cpuSeconds: Int = 600, cpuPercent: Int = 100, scratchMiB: Int = 64,
        openFiles: Int = 128, fileSizeMiB: Int = 64, addressSpaceMiB: Int = 0
    ) {
        self.memoryMiB = memoryMiB
        self.pids = pids
        self.cpuSeconds = cpuSeconds
        self.cpuPercent = cpuPercent
        self.scratchMiB = scratchMiB
        self.openFiles = openFiles
        self.fileSizeMiB = fileSizeMiB
        self.addressSpaceMiB = addressSpaceMiB
    }
}
