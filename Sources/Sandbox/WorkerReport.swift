/// Everything the host knows about one worker at the end of a run. Shown to that team only.
public struct WorkerReport: Sendable, Hashable {
    public var slot: Int
    public var label: String
    /// The fault, if the worker was faulted, with the tick.
    public var fault: WorkerFault?
    /// Total ticks without a timely reply.
    public var strikes: Int
    /// Log lines kept (capped at `maxLogBytesPerTeam`).
    public var logLines: [String]
    /// Log lines dropped because of the cap.
    public var droppedLogLines: Int
    /// Head and tail of stderr (capped), with a marker where bytes were left out.
    public var stderrTail: String
    /// Total stderr bytes received.
    public var stderrBytes: Int
    public var exitStatus: ExitStatus
    /// CPU time of the bot, when known (ms).
    public var cpuMilliseconds: Int?
    /// Peak memory of the worker's cgroup, when known (bytes).
    public var memoryPeakBytes: Int?
    /// Times the memory cgroup killed a process.
    public var oomKills: Int
    /// Times a fork failed on the pids limit.
    public var pidsLimitHits: Int
    /// Problems of the sandbox itself (setup or cleanup), normally empty.
    public var sandboxErrors: [String]

    /// Creates a report.
    public init(
        slot: Int, label: String, fault: WorkerFault? = nil, strikes: Int = 0, logLines: [String] = [],
        droppedLogLines: Int = 0, stderrTail: String = "", stderrBytes: Int = 0, exitStatus: ExitStatus = .unknown,
        cpuMilliseconds: Int? = nil, memoryPeakBytes: Int? = nil, oomKills: Int = 0, pidsLimitHits: Int = 0,
        sandboxErrors: [String] = []
    ) {
        self.slot = slot
        self.label = label
        self.fault = fault
        self.strikes = strikes
        self.logLines = logLines
        self.droppedLogLines = droppedLogLines
        self.stderrTail = stderrTail
        self.stderrBytes = stderrBytes
        self.exitStatus = exitStatus
        self.cpuMilliseconds = cpuMilliseconds
        self.memoryPeakBytes = memoryPeakBytes
        self.oomKills = oomKills
        self.pidsLimitHits = pidsLimitHits
        self.sandboxErrors = sandboxErrors
    }
}
