import Glibc
import Logging

extension WorkerGroup {
    /// Creates the five pipes, spawns the helper on them (with the slot's uid lease as
    /// descriptor 5, which the helper keeps until it exits) and keeps the host ends. The host's
    /// copy of the lease is closed either way: from then on the helper alone holds it.
    func spawn(_ launch: WorkerLaunch) -> Result<Worker, FaultReason> {
        let cgroupName = "arena-\(groupID)-\(launch.slot)"
        let lease = leases.removeValue(forKey: launch.slot)
        defer { lease?.close() }
        let argv: [String]
        do {
            argv = try HelperInvocation(
                configuration: configuration, launch: launch, cgroupName: cgroupName,
                uid: lease?.uid ?? configuration.uidBase
            ).arguments()
        } catch {
            return .failure(FaultReason(code: FaultReason.startFailed, detail: error.description))
        }
        var pipes: [(read: Int32, write: Int32)] = []
        defer {
            // The child's ends are only needed until the spawn returned.
            for (index, pipe) in pipes.enumerated() {
                close(index == 0 || index == 3 ? pipe.read : pipe.write)
            }
        }
        for _ in 0..<5 {
            guard let pipe = SystemCalls.pipe() else {
                for pipe in pipes {
                    close(pipe.read)
                    close(pipe.write)
                }
                pipes = []
                return .failure(
                    FaultReason(code: FaultReason.startFailed, detail: "pipe: \(String(cString: strerror(errno)))"))
            }
            pipes.append(pipe)
        }
        // 0 stdin, 1 stdout, 2 stderr, 3 lifeline (child reads), 4 status (child writes), 5 uid lease.
        var childEnds = [pipes[0].read, pipes[1].write, pipes[2].write, pipes[3].read, pipes[4].write]
        if let lease, lease.descriptor >= 0 { childEnds.append(lease.descriptor) }
        let hostEnds = WorkerDescriptors(
            stdin: pipes[0].write, stdout: pipes[1].read, stderr: pipes[2].read, status: pipes[4].read,
            lifeline: pipes[3].write)
        switch SystemCalls.spawn(argv, fds: childEnds) {
        case .failure(let failure):
            for fd in [hostEnds.stdin, hostEnds.stdout, hostEnds.stderr, hostEnds.status, hostEnds.lifeline] {
                close(fd)
            }
            return .failure(FaultReason(code: FaultReason.startFailed, detail: "spawn helper: \(failure.message)"))
        case .success(let pid):
            for fd in [hostEnds.stdin, hostEnds.stdout, hostEnds.stderr, hostEnds.status] {
                SystemCalls.setNonBlocking(fd)
            }
            logger.debug("worker started", metadata: ["slot": "\(launch.slot)", "pid": "\(pid)"])
            return .success(
                Worker(launch: launch, pid: pid, fds: hostEnds, configuration: configuration, events: events))
        }
    }
}
