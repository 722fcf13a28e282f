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
        while true {
            deliverModelAnswers()
            let now = MonotonicClock.now()
            var anyPending = false
            var wakeUp = deadline
            var settling: UInt64 = 0
            for worker in active where worker.isLive && worker.reply == nil {
                anyPending = true
                if let closedAt = worker.outputClosedAt { settling = max(settling, closedAt + Self.settleGrace) }
            }
            if !anyPending { break }
            if now >= deadline {
                guard settling > now else { break }
                wakeUp = settling
            }
            buildPollSet(active)
            let wait = wakeUp > now ? wakeUp - now : 0
            let timeout = Int32(min(wait / 1_000_000 + 1, 60_000))
            let ready = poll(&pollDescriptors, nfds_t(pollDescriptors.count), timeout)
            if ready < 0 && errno != EINTR { break }
            guard ready > 0 else { continue }
            for index in pollOwners.indices where pollDescriptors[index].revents != 0 {
                let (worker, stream) = pollOwners[index]
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
                markFault(
                    worker, FaultReason(code: FaultReason.stdoutClosed, detail: "closed its output but kept running"))
                continue
            }
            worker.consecutiveMisses += 1
            worker.totalMisses += 1
            if worker.consecutiveMisses >= configuration.maxStrikes {
                markFault(
                    worker,
                    FaultReason(
                        code: FaultReason.deadlineStrikes,
                        detail: "\(worker.consecutiveMisses) ticks in a row without a reply in time"))
            }
        }
    }

    enum Stream {
        case stdout, stderr, status, stdin
    }

    /// stdout of workers still owing a reply; stderr of every worker; status of workers on
    /// their way out; stdin of workers with unwritten bytes.
    private func buildPollSet(_ active: [Worker]) {
        pollDescriptors.removeAll(keepingCapacity: true)
        pollOwners.removeAll(keepingCapacity: true)
        for worker in active where worker.isLive && worker.reply == nil && worker.stdoutFD >= 0 {
            pollDescriptors.append(pollfd(fd: worker.stdoutFD, events: Int16(POLLIN), revents: 0))
            pollOwners.append((worker, .stdout))
        }
        for slot in slots {
            guard let worker = workers[slot] else { continue }
            if worker.stderrFD >= 0 {
                pollDescriptors.append(pollfd(fd: worker.stderrFD, events: Int16(POLLIN), revents: 0))
                pollOwners.append((worker, .stderr))
            }
            if worker.statusFD >= 0 && (worker.outputClosedAt != nil || !worker.isLive) {
                pollDescriptors.append(pollfd(fd: worker.statusFD, events: Int16(POLLIN), revents: 0))
                pollOwners.append((worker, .status))
            }
            if worker.isLive && worker.hasPendingWrite && worker.stdinFD >= 0 {
                pollDescriptors.append(pollfd(fd: worker.stdinFD, events: Int16(POLLOUT), revents: 0))
                pollOwners.append((worker, .stdin))
            }
        }
        // Last, with no owner: the wake-up pipe of model answers (drained at the loop's top).
        if modelInbox.readFD >= 0 {
            pollDescriptors.append(pollfd(fd: modelInbox.readFD, events: Int16(POLLIN), revents: 0))
        }
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
        if worker.isLive { dispatchModelRequests(worker) }
    }

    func serviceStderr(_ worker: Worker) {
        _ = worker.drainStderr(buffer, limit: 1 << 20)
        if worker.isLive && worker.stderr.total > configuration.maxStderrBytes {
            markFault(
                worker,
                FaultReason(
                    code: FaultReason.outputFlood, detail: "more than \(configuration.maxStderrBytes) bytes on stderr"))
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
