public import BotProtocol
import Glibc
import Logging

extension WorkerGroup {
    /// Sends `end`, lets bots exit for up to `endGrace`, kills what is left, removes the
    /// cgroups (the helper does) and returns one report per slot. Call once.
    public func finish(end: [Int: End]) -> [Int: WorkerReport] {
        guard !finished else { return [:] }
        finished = true
        // Leases of workers never spawned end here; spawned ones end when their helper exits.
        for lease in leases.values { lease.close() }
        leases.removeAll()
        for slot in slots {
            guard let worker = workers[slot], worker.isLive else { continue }
            worker.beginTick(Int64.min)
            if let message = end[slot], let line = try? codec.encode(.end(message)) { worker.send(line) }
        }
        waitForExit(until: MonotonicClock.now() + MonotonicClock.nanoseconds(configuration.endGrace))
        for worker in workers.values { worker.kill() }
        drainStatuses(until: MonotonicClock.now() + 3_000_000_000)
        var reports: [Int: WorkerReport] = [:]
        for slot in slots {
            reports[slot] = report(slot)
        }
        return reports
    }

    /// Drains stdout (logs only; nothing faults now), stderr and status until every live
    /// worker's helper has exited on its own (status EOF) or the deadline passed.
    private func waitForExit(until deadline: UInt64) {
        var fds: [pollfd] = []
        var owners: [(Worker, Stream)] = []
        while MonotonicClock.now() < deadline {
            fds.removeAll(keepingCapacity: true)
            owners.removeAll(keepingCapacity: true)
            for worker in workers.values where worker.isLive && worker.statusFD >= 0 {
                for (fd, stream) in [
                    (worker.stdoutFD, Stream.stdout), (worker.stderrFD, .stderr), (worker.statusFD, .status),
                ]
                where fd >= 0 {
                    fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0))
                    owners.append((worker, stream))
                }
            }
            guard !owners.isEmpty else { return }
            let wait = deadline - MonotonicClock.now()
            let timeout = Int32(min(wait / 1_000_000 + 1, 60_000))
            guard poll(&fds, nfds_t(fds.count), timeout) > 0 else { continue }
            for (index, descriptor) in fds.enumerated() where descriptor.revents != 0 {
                let (worker, stream) = owners[index]
                switch stream {
                case .stdout:
                    worker.bytesThisTick = 0
                    worker.linesThisTick = 0
                    if case .violation = worker.drainStdout(buffer, codec: codec, configuration: configuration) {
                        worker.closeStdout()
                    }
                case .stderr: _ = worker.drainStderr(buffer, limit: 1 << 20)
                case .status: _ = worker.drainStatus(buffer)
                case .stdin: break
                }
            }
        }
    }

    /// Reads every helper's status pipe to EOF (the helper exits after removing its cgroups).
    private func drainStatuses(until deadline: UInt64) {
        var fds: [pollfd] = []
        var owners: [Worker] = []
        while true {
            fds.removeAll(keepingCapacity: true)
            owners.removeAll(keepingCapacity: true)
            for worker in workers.values {
                for fd in [worker.statusFD, worker.stderrFD] where fd >= 0 {
                    fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0))
                    owners.append(worker)
                }
            }
            let now = MonotonicClock.now()
            guard !fds.isEmpty, now < deadline else { break }
            let wait = deadline - now
            let timeout = Int32(min(wait / 1_000_000 + 1, 60_000))
            guard poll(&fds, nfds_t(fds.count), timeout) > 0 else { continue }
            for (index, descriptor) in fds.enumerated() where descriptor.revents != 0 {
                let worker = owners[index]
                if descriptor.fd == worker.statusFD {
                    _ = worker.drainStatus(buffer)
                } else {
                    _ = worker.drainStderr(buffer, limit: 1 << 20)
                }
            }
        }
        for worker in workers.values {
            if worker.statusOpen {
                logger.error("sandbox helper did not finish in time", metadata: ["slot": "\(worker.launch.slot)"])
            }
            worker.closeAll()
            worker.reap(block: true)
        }
    }

    private func report(_ slot: Int) -> WorkerReport {
        let label = launches.first { $0.slot == slot }?.label ?? ""
        guard let worker = workers[slot] else {
            return WorkerReport(slot: slot, label: label, fault: startFaults[slot])
        }
        var status = HelperStatus()
        status.parse(worker.statusText)
        return WorkerReport(
            slot: slot, label: label, fault: worker.fault, strikes: worker.totalMisses, logLines: worker.logs,
            droppedLogLines: worker.droppedLogs, stderrTail: worker.stderr.text, stderrBytes: worker.stderr.total,
            exitStatus: status.exitStatus, cpuMilliseconds: status.cpuMilliseconds,
            memoryPeakBytes: status.memoryPeakBytes, oomKills: status.oomKills, pidsLimitHits: status.pidsLimitHits,
            sandboxErrors: status.errors)
    }
}
