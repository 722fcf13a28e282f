import Glibc

extension WorkerGroup {
    /// How long a worker whose output closed may take to report how it ended.
    static let settleGrace: UInt64 = 500_000_000

    /// Non-blocking service of one worker outside the poll loop: late lines, stderr, status.
    func settle(_ worker: Worker) {
        serviceStderr(worker)
        serviceStdout(worker)
        if worker.outputClosedAt != nil { serviceStatus(worker) }
    }

    /// Polls until every worker in `active` replied, faulted or the deadline passed; then
    /// counts strikes. Also drains stderr and status of every other worker meanwhile.
    func pollUntilReplied(_ active: [Worker], deadline: UInt64) {
        var fds: [pollfd] = []
        var owners: [(Worker, Stream)] = []
        while true {
            let now = MonotonicClock.now()
            let pending = active.filter { $0.isLive && $0.reply == nil }
            var wakeUp = deadline
            if now >= deadline {
                let settling = pending.compactMap { worker in worker.outputClosedAt.map { $0 + Self.settleGrace } }
                    .filter { $0 > now }
                guard let latest = settling.max() else { break }
                wakeUp = latest
            }
            if pending.isEmpty { break }
            fds.removeAll(keepingCapacity: true)
            owners.removeAll(keepingCapacity: true)
            for worker in pending where worker.stdoutFD >= 0 {
                fds.append(pollfd(fd: worker.stdoutFD, events: Int16(POLLIN), revents: 0))
                owners.append((worker, .stdout))
            }
            for slot in slots {
                guard let worker = workers[slot] else { continue }
                if worker.stderrFD >= 0 {
                    fds.append(pollfd(fd: worker.stderrFD, events: Int16(POLLIN), revents: 0))
                    owners.append((worker, .stderr))
                }
                if worker.statusFD >= 0 && (worker.outputClosedAt != nil || !worker.isLive) {
                    fds.append(pollfd(fd: worker.statusFD, events: Int16(POLLIN), revents: 0))
                    owners.append((worker, .status))
                }
                if worker.isLive && worker.hasPendingWrite && worker.stdinFD >= 0 {
                    fds.append(pollfd(fd: worker.stdinFD, events: Int16(POLLOUT), revents: 0))
                    owners.append((worker, .stdin))
                }
            }
            let wait = wakeUp > now ? wakeUp - now : 0
            let timeout = Int32(min(wait / 1_000_000 + 1, 60_000))
            let ready = poll(&fds, nfds_t(fds.count), timeout)
            if ready < 0 && errno != EINTR { break }
            guard ready > 0 else { continue }
            for (index, descriptor) in fds.enumerated() where descriptor.revents != 0 {
                let (worker, stream) = owners[index]
                switch stream {
                case .stdout: serviceStdout(worker)
                case .stderr: serviceStderr(worker)
                case .status: serviceStatus(worker)
                case .stdin:
                    if !worker.flush(), worker.outputClosedAt == nil { worker.outputClosedAt = MonotonicClock.now() }
                }
            }
        }
        for worker in active where worker.isLive && worker.reply == nil {
            worker.awaitingTick = nil
            if worker.outputClosedAt != nil {
                markFault(worker, FaultReason(code: FaultReason.stdoutClosed, detail: "closed its output but kept running"))
                continue
            }
            worker.consecutiveMisses += 1
            worker.totalMisses += 1
            if worker.consecutiveMisses >= configuration.maxStrikes {
                markFault(
                    worker,
                    FaultReason(code: FaultReason.deadlineStrikes, detail: "\(worker.consecutiveMisses) ticks in a row without a reply in time"))
            }
        }
    }

    enum Stream {
        case stdout, stderr, status, stdin
    }

    func serviceStdout(_ worker: Worker) {
        guard worker.isLive, worker.stdoutFD >= 0 else { return }
        switch worker.drainStdout(buffer, codec: codec, configuration: configuration) {
        case .open: break
        case .endOfFile:
            if worker.outputClosedAt == nil { worker.outputClosedAt = MonotonicClock.now() }
            serviceStatus(worker)
        case .violation(let reason): markFault(worker, reason)
        }
    }

    func serviceStderr(_ worker: Worker) {
        _ = worker.drainStderr(buffer, limit: 1 << 20)
        if worker.isLive && worker.stderr.total > configuration.maxStderrBytes {
            markFault(
                worker,
                FaultReason(code: FaultReason.outputFlood, detail: "more than \(configuration.maxStderrBytes) bytes on stderr"))
        }
    }

    /// Reads the helper's status; once the helper is gone, a live worker whose output closed is
    /// faulted with the reason the status gives (crash, memory limit, CPU limit, …).
    func serviceStatus(_ worker: Worker) {
        guard worker.drainStatus(buffer) else { return }
        worker.reap(block: false)
        guard worker.isLive, worker.outputClosedAt != nil else { return }
        worker.reap(block: true)
        var status = HelperStatus()
        status.parse(worker.statusText)
        markFault(worker, status.faultReason(cpuSecondsLimit: configuration.limits.cpuSeconds))
    }
}
