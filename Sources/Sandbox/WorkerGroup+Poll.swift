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

    /// Waits until every worker in `active` replied, faulted or the deadline passed; then
    /// counts strikes. Also drains stderr, status and late output of every other worker
    /// meanwhile (all are watched by `events` from spawn on).
    func pollUntilReplied(_ active: [Worker], deadline: UInt64) {
        // Answers may have arrived since the last exchange; later ones wake the wait.
        var answersWaiting = true
        while true {
            if answersWaiting || !inboxWatched {
                deliverModelAnswers()
                answersWaiting = false
            }
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
            let wait = wakeUp > now ? wakeUp - now : 0
            let timeout = Int32(min(wait / 1_000_000 + 1, 60_000))
            let ready = events.wait(timeoutMilliseconds: timeout, into: &readyEvents)
            if ready < 0 && errno != EINTR { break }
            guard ready > 0 else { continue }
            for event in readyEvents {
                // The model inbox's wake-up pipe has no worker: it is drained at the loop's top.
                if event.token == Self.inboxToken {
                    answersWaiting = true
                    continue
                }
                guard let stream = Stream(token: event.token), let worker = workers[Int(event.token >> 2)] else {
                    continue
                }
                switch stream {
                case .stdout: serviceStdout(worker)
                case .stderr: serviceStderr(worker)
                case .status: serviceStatus(worker)
                case .stdin:
                    if !worker.flush(), worker.outputClosedAt == nil { worker.outputClosedAt = MonotonicClock.now() }
                    if !worker.hasPendingWrite || worker.stdinFD < 0 || worker.outputClosedAt != nil {
                        unwatchInput(worker)
                    }
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

    enum Stream: UInt64 {
        case stdout, stderr, status, stdin

        /// The stream of an event token (`slot << 2 | stream`).
        init?(token: UInt64) { self.init(rawValue: token & 3) }

        /// The event token of this stream of `slot`.
        func token(slot: Int) -> UInt64 { UInt64(slot) << 2 | rawValue }
    }

    /// Token of the model inbox's wake-up pipe (no slot reaches it).
    static let inboxToken = UInt64.max

    /// Registers a new worker's stdout, stderr and status (and, once per group, the model
    /// inbox): they stay watched until closed. A worker's stdin is watched only while bytes wait.
    /// False when the kernel refused a registration (out of memory or watches): the worker could
    /// never be heard, so the caller faults it (`start_failed`) instead of letting it miss deadlines.
    func watch(_ worker: Worker) -> Bool {
        let slot = worker.launch.slot
        let registered = [
            events.add(worker.stdoutFD, events: EventPoll.input, token: Stream.stdout.token(slot: slot)),
            events.add(worker.stderrFD, events: EventPoll.input, token: Stream.stderr.token(slot: slot)),
            events.add(worker.statusFD, events: EventPoll.input, token: Stream.status.token(slot: slot)),
        ]
        if !inboxWatched, modelInbox.readFD >= 0 {
            inboxWatched = events.add(modelInbox.readFD, events: EventPoll.input, token: Self.inboxToken)
        }
        watchPendingInput(worker)
        return !registered.contains(false)
    }

    /// Watches `worker`'s stdin for room when bytes are waiting for it (a bot slow to read).
    func watchPendingInput(_ worker: Worker) {
        guard worker.hasPendingWrite, !worker.stdinWatched, worker.isLive, worker.stdinFD >= 0 else { return }
        worker.stdinWatched = events.add(
            worker.stdinFD, events: EventPoll.output, token: Stream.stdin.token(slot: worker.launch.slot))
    }

    private func unwatchInput(_ worker: Worker) {
        guard worker.stdinWatched else { return }
        if worker.stdinFD >= 0 { events.remove(worker.stdinFD) }
        worker.stdinWatched = false
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
