public import BotProtocol
import Glibc
public import Logging

/// The workers of one heat: spawns them, exchanges one observation/reply per tick with all of
/// them in parallel (one poll loop, blocking only in `poll`), faults misbehaving ones and
/// tears everything down at the end.
///
/// Blocking API: run it on one dedicated thread (not the Swift cooperative pool). All methods
/// must be called from the same thread, in the order `start`, `exchange`…, `finish`.
/// The process ignores SIGPIPE and becomes a child subreaper when a group is created.
public final class WorkerGroup: @unchecked Sendable {
    let configuration: SandboxConfiguration
    let launches: [WorkerLaunch]
    let logger: Logger
    let codec: BotProtocolCodec
    var workers: [Int: Worker] = [:]
    var startFaults: [Int: WorkerFault] = [:]
    var slots: [Int]
    var exchanges = 0
    var currentTick: Int64 = 0
    var finished = false
    let buffer: UnsafeMutableRawBufferPointer
    /// Watches every worker's stdout, stderr and status (and stdin while bytes wait), registered
    /// once at spawn; a wait costs the ready descriptors only.
    let events: EventPoll
    /// Ready descriptors of the last wait, reused across waits.
    var readyEvents: [EventPoll.Event] = []
    /// Whether the model inbox's wake-up pipe is registered with `events`.
    var inboxWatched = false
    /// Team uid leases (sandboxed mode), taken in `init`; each is handed to its worker's helper.
    var leases: [Int: TeamUIDLease]
    /// The uid each slot runs as (sandboxed mode).
    let uids: [Int: UInt32]
    /// The decision point in progress (`exchange(_:thinking:)`), nil between them.
    var thinking: ThinkingWindow?
    /// Model answers on their way back to the bots.
    let modelInbox = ModelAnswerInbox()
    /// Unique id of this group; its cgroups are named `arena-<groupID>-<slot>`.
    public let groupID: String

    /// Validates the configuration and launches and, in sandboxed mode, leases one team uid per
    /// launch from the host-wide pool (`SandboxError.uidPoolExhausted` when none is free); spawns
    /// nothing yet.
    public init(configuration: SandboxConfiguration, launches: [WorkerLaunch], logger: Logger) throws {
        guard access(configuration.helperPath, X_OK) == 0 else {
            throw SandboxError(.helperMissing, "no executable helper at \(configuration.helperPath)")
        }
        if launches.contains(where: { $0.runtime == .rules }), access(configuration.workerPath, X_OK) != 0 {
            throw SandboxError(.workerMissing, "no executable arena-worker at \(configuration.workerPath)")
        }
        if configuration.isolation == .sandboxed, geteuid() != 0 {
            throw SandboxError(.notRoot, "sandboxed isolation needs root (use .plainProcess on a dev machine)")
        }
        var seen = Set<Int>()
        for launch in launches {
            guard seen.insert(launch.slot).inserted, launch.slot >= 0 else {
                throw SandboxError(.duplicateSlot, "slot \(launch.slot) is duplicated or negative")
            }
            _ = try HelperInvocation(
                configuration: configuration, launch: launch, cgroupName: "check", uid: configuration.uidBase
            ).arguments()
        }
        guard let events = EventPoll(capacity: 3 * launches.count + 8) else {
            throw SandboxError(.resourcesExhausted, "epoll_create1: \(String(cString: strerror(errno)))")
        }
        var leases: [Int: TeamUIDLease] = [:]
        if configuration.isolation == .sandboxed {
            let pool = TeamUIDPool(configuration: configuration)
            for launch in launches { leases[launch.slot] = try pool.lease() }
        }
        self.leases = leases
        self.uids = leases.mapValues(\.uid)
        self.configuration = configuration
        self.launches = launches.sorted { $0.slot < $1.slot }
        self.slots = self.launches.map(\.slot)
        self.logger = logger
        self.codec = BotProtocolCodec(
            limits: CodecLimits(
                maxLineBytes: configuration.maxLineBytes, maxActionsPerTick: configuration.maxActionsPerTick))
        self.events = events
        self.buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 16)
        self.groupID = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        SystemCalls.ignoreSIGPIPE()
        SystemCalls.becomeChildSubreaper()
        if configuration.isolation == .plainProcess {
            logger.warning("workers run WITHOUT a sandbox (isolation: plainProcess)")
        }
    }

    /// Same as `init(configuration:launches:logger:)` with a default logger.
    public convenience init(configuration: SandboxConfiguration, launches: [WorkerLaunch]) throws {
        try self.init(configuration: configuration, launches: launches, logger: Logger(label: "perparena.sandbox"))
    }

    /// The team uid `slot` runs as (sandboxed mode; leased for the group's lifetime), else nil.
    public func uid(slot: Int) -> UInt32? { uids[slot] }

    /// Host pids of processes running as the team uid of `slot` (sandboxed mode), for
    /// measurements such as RSS.
    public func teamProcesses(slot: Int) -> [Int32] {
        guard let uid = uids[slot] else { return [] }
        guard let directory = opendir("/proc") else { return [] }
        defer { closedir(directory) }
        var pids: [Int32] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let pid = Int32(name) else { continue }
            var info = stat()
            if stat("/proc/\(name)", &info) == 0, info.st_uid == uid { pids.append(pid) }
        }
        return pids
    }

    deinit {
        // A group dropped without `finish` still tears its sandboxes down (and their cgroups).
        if !finished { _ = finish(end: [:]) }
        buffer.deallocate()
    }

    /// Spawns every worker and sends each its `hello` (if given). Bots need not answer hello.
    /// Returns `.actions([], logs: [])` for started workers, `.faulted` for those that failed.
    public func start(hello: [Int: Hello]) -> [Int: WorkerTickResult] {
        var results: [Int: WorkerTickResult] = [:]
        for launch in launches {
            switch spawn(launch) {
            case .success(let worker):
                workers[launch.slot] = worker
                guard watch(worker) else {
                    let reason = FaultReason(
                        code: FaultReason.startFailed, detail: "epoll_ctl: \(String(cString: strerror(errno)))")
                    markFault(worker, reason)
                    logger.error("worker start failed", metadata: ["slot": "\(launch.slot)", "reason": "\(reason)"])
                    results[launch.slot] = .faulted(reason)
                    continue
                }
                if let message = hello[launch.slot], let line = try? codec.encode(.hello(message)) {
                    worker.send(line)
                }
                results[launch.slot] = .actions([], logs: [])
            case .failure(let reason):
                startFaults[launch.slot] = WorkerFault(reason: reason, tick: 0)
                logger.error("worker start failed", metadata: ["slot": "\(launch.slot)", "reason": "\(reason)"])
                results[launch.slot] = .faulted(reason)
            }
        }
        return results
    }

    /// Sends each slot its observation and gathers the replies within the deadline (the first
    /// exchange uses `firstTickDeadline`). Slots without an observation are left alone.
    public func exchange(_ observations: [Int: Observation]) -> [Int: WorkerTickResult] {
        var lines: [Int: EncodedObservation] = [:]
        for (slot, observation) in observations {
            lines[slot] = EncodedObservation(observation)
        }
        return exchange(encoded: lines)
    }

    /// Same as `exchange(_:)` with observations the caller encoded already (e.g. in parallel,
    /// or to measure the transport alone).
    public func exchange(encoded observations: [Int: EncodedObservation]) -> [Int: WorkerTickResult] {
        var deadlineBudget = exchanges == 0 ? configuration.firstTickDeadline : configuration.tickDeadline
        if let thinking { deadlineBudget = max(deadlineBudget, thinking.deadline) }
        exchanges += 1
        for observation in observations.values where observation.tick > currentTick { currentTick = observation.tick }
        let deadline = MonotonicClock.now() + MonotonicClock.nanoseconds(deadlineBudget)
        var active: [Worker] = []
        for slot in slots {
            guard let observation = observations[slot], let worker = workers[slot], worker.isLive else { continue }
            // Lines that arrived since the last exchange are read in the poll loop below (stale
            // replies are dropped there); only a worker already on its way out is settled now.
            if worker.outputClosedAt != nil {
                settle(worker)
                guard worker.isLive else { continue }
            }
            worker.beginTick(observation.tick)
            if !worker.send(observation.shared, observation.line) {
                worker.outputClosedAt = MonotonicClock.now()
            } else if worker.pendingBytes > configuration.maxPendingStdinBytes {
                markFault(
                    worker,
                    FaultReason(
                        code: FaultReason.stdinBacklog,
                        detail: "more than \(configuration.maxPendingStdinBytes) bytes of input left unread"))
                continue
            } else {
                watchPendingInput(worker)
            }
            active.append(worker)
        }
        pollUntilReplied(active, deadline: deadline)
        var results: [Int: WorkerTickResult] = [:]
        for slot in slots where observations[slot] != nil {
            results[slot] = result(for: slot)
        }
        return results
    }

    /// Faults a worker on the host's decision (e.g. too many invalid actions) and kills it.
    public func fault(slot: Int, reason: FaultReason) {
        guard let worker = workers[slot], worker.isLive else { return }
        markFault(worker, reason)
    }

    /// The `decision` of the slot's reply in the last exchange, when the reply had one.
    public func decision(of slot: Int) -> Decision? {
        guard let worker = workers[slot], worker.reply != nil else { return nil }
        return worker.replyDecision
    }

    /// The fault of a slot so far, if any.
    public func fault(of slot: Int) -> WorkerFault? {
        workers[slot]?.fault ?? startFaults[slot]
    }

    func result(for slot: Int) -> WorkerTickResult {
        if let fault = startFaults[slot] { return .faulted(fault.reason) }
        guard let worker = workers[slot] else {
            return .faulted(FaultReason(code: FaultReason.startFailed, detail: "no such slot"))
        }
        if let fault = worker.fault { return .faulted(fault.reason) }
        if let reply = worker.reply {
            worker.consecutiveMisses = 0
            return .actions(reply, logs: worker.tickLogs)
        }
        return .missed(strikes: worker.consecutiveMisses)
    }

    func markFault(_ worker: Worker, _ reason: FaultReason) {
        guard worker.fault == nil else { return }
        worker.fault = WorkerFault(reason: reason, tick: currentTick)
        worker.kill()
        logger.warning(
            "worker faulted",
            metadata: [
                "slot": "\(worker.launch.slot)", "team": "\(worker.launch.label)", "tick": "\(currentTick)",
                "code": "\(reason.code)", "detail": "\(reason.detail)",
            ])
    }
}
