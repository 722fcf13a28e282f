import BotProtocol
import Glibc

/// One running worker as the host sees it: its descriptors, buffers and per-tick state.
/// Used only from the thread that owns the `WorkerGroup`.
final class Worker {
    let launch: WorkerLaunch
    let pid: pid_t
    let startedAt: UInt64
    var stdinFD: Int32
    var stdoutFD: Int32
    var stderrFD: Int32
    var statusFD: Int32
    var lifelineFD: Int32
    var reader: LineReader
    var stderr: CappedText
    var statusText = ""
    var reaped = false

    var pendingWrite: [UInt8] = []
    var pendingOffset = 0
    /// The group's event poll, which watches stdout, stderr and status from spawn on (and stdin
    /// while bytes wait for it); descriptors leave it before they are closed.
    let events: EventPoll?
    /// Whether stdin is registered for `EventPoll.output` (bytes are pending).
    var stdinWatched = false

    /// The tick a reply is awaited for, `nil` when none is.
    var awaitingTick: Int64?
    var reply: [BotAction]?
    /// The `decision` of the reply, when it had one.
    var replyDecision: Decision?
    var tickLogs: [String] = []
    var linesThisTick = 0
    var bytesThisTick = 0
    /// Set when stdout reached EOF or stdin broke; the worker is on its way out.
    var outputClosedAt: UInt64?

    var fault: WorkerFault?
    var consecutiveMisses = 0
    var totalMisses = 0
    var logs: [String] = []
    var logBytes = 0
    var droppedLogs = 0
    var firstReplyAt: UInt64?
    /// `llm_request` lines read but not yet handed to the model broker.
    var modelRequests: [LLMRequest] = []

    init(
        launch: WorkerLaunch, pid: pid_t, fds: WorkerDescriptors, configuration: SandboxConfiguration,
        events: EventPoll? = nil
    ) {
        self.launch = launch
        self.events = events
        self.pid = pid
        self.startedAt = MonotonicClock.now()
        stdinFD = fds.stdin
        stdoutFD = fds.stdout
        stderrFD = fds.stderr
        statusFD = fds.status
        lifelineFD = fds.lifeline
        reader = LineReader(maxLineBytes: configuration.maxLineBytes)
        stderr = CappedText(keep: configuration.keptStderrBytes)
    }

    var isLive: Bool { fault == nil }
    var statusOpen: Bool { statusFD >= 0 }

    /// Queues bytes for stdin and writes as much as the pipe takes without blocking.
    /// Returns false when the bot's stdin is gone.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        send([], bytes)
    }

    /// Same as `send(_:)` with the bytes `head` followed by `bytes`. When nothing is queued
    /// (the usual case) both go out in one `writev` straight from the caller's buffers; only
    /// what the pipe did not take is queued.
    @discardableResult
    func send(_ head: [UInt8], _ bytes: [UInt8]) -> Bool {
        guard stdinFD >= 0 else { return false }
        if pendingOffset == pendingWrite.count {
            var offset = 0
            let total = head.count + bytes.count
            while offset < total {
                let written = Self.writeVector(stdinFD, head, bytes, from: offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                    break
                } else {
                    return false
                }
            }
            guard offset < total else { return true }
            pendingWrite.removeAll(keepingCapacity: true)
            if offset < head.count {
                pendingWrite.append(contentsOf: head[offset...])
                pendingWrite.append(contentsOf: bytes)
            } else {
                pendingWrite.append(contentsOf: bytes[(offset - head.count)...])
            }
            pendingOffset = 0
            return true
        }
        if pendingOffset >= 1 << 16 {
            // A bot that always leaves a little unread must not make the buffer grow forever.
            pendingWrite.removeSubrange(0..<pendingOffset)
            pendingOffset = 0
        }
        pendingWrite.append(contentsOf: head)
        pendingWrite.append(contentsOf: bytes)
        return flush()
    }

    /// One `writev` of `head + bytes` from byte `offset` on.
    private static func writeVector(_ fd: Int32, _ head: [UInt8], _ bytes: [UInt8], from offset: Int) -> Int {
        head.withUnsafeBytes { first in
            bytes.withUnsafeBytes { second in
                withUnsafeTemporaryAllocation(of: iovec.self, capacity: 2) { vectors in
                    var count = 0
                    if offset < first.count, let base = first.baseAddress {
                        vectors[count] = iovec(
                            iov_base: UnsafeMutableRawPointer(mutating: base + offset), iov_len: first.count - offset)
                        count += 1
                    }
                    let skip = max(0, offset - first.count)
                    if skip < second.count, let base = second.baseAddress {
                        vectors[count] = iovec(
                            iov_base: UnsafeMutableRawPointer(mutating: base + skip), iov_len: second.count - skip)
                        count += 1
                    }
                    return writev(fd, vectors.baseAddress, Int32(count))
                }
            }
        }
    }

    /// Bytes queued for stdin that the pipe has not taken yet.
    var pendingBytes: Int { pendingWrite.count - pendingOffset }

    /// Writes pending bytes without blocking. Returns false on EPIPE or another hard error.
    func flush() -> Bool {
        guard stdinFD >= 0 else { return false }
        while pendingOffset < pendingWrite.count {
            let written = pendingWrite.withUnsafeBytes { bytes in
                write(stdinFD, bytes.baseAddress! + pendingOffset, bytes.count - pendingOffset)
            }
            if written > 0 {
                pendingOffset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                return true
            } else {
                return false
            }
        }
        return true
    }

    var hasPendingWrite: Bool { pendingOffset < pendingWrite.count }

    /// Reads the status pipe without blocking; returns true once it reached EOF.
    func drainStatus(_ buffer: UnsafeMutableRawBufferPointer) -> Bool {
        guard statusFD >= 0 else { return true }
        while true {
            let count = read(statusFD, buffer.baseAddress, buffer.count)
            if count > 0 {
                statusText += String(decoding: UnsafeRawBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
                if statusText.utf8.count > 64 * 1024 { statusText = String(statusText.suffix(16 * 1024)) }
            } else if count < 0 && errno == EINTR {
                continue
            } else if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                return false
            } else {
                closeStatus()
                return true
            }
        }
    }

    /// Drains stderr without blocking into the capped buffer; returns the bytes read.
    func drainStderr(_ buffer: UnsafeMutableRawBufferPointer, limit: Int) -> Int {
        guard stderrFD >= 0 else { return 0 }
        var total = 0
        while total < limit {
            let count = read(stderrFD, buffer.baseAddress, buffer.count)
            if count > 0 {
                stderr.append(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
                total += count
                if count < buffer.count { break }
            } else if count < 0 && errno == EINTR {
                continue
            } else if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                break
            } else {
                closeStderr()
                break
            }
        }
        return total
    }

    /// Asks the sandbox to go away: EOF on the lifeline makes the helper kill everything.
    func kill() {
        Self.closeDescriptor(&lifelineFD)
        closeStdin()
        closeStdout()
        pendingWrite = []
        pendingOffset = 0
    }

    /// Reaps the helper process; with `block`, waits for it (after SIGKILL if needed).
    func reap(block: Bool) {
        guard !reaped else { return }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            reaped = true
        } else if block {
            Glibc.kill(pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            reaped = true
        }
    }

    func closeAll() {
        kill()
        closeStderr()
        closeStatus()
    }

    func closeStdin() {
        release(stdinFD)
        stdinFD = -1
        stdinWatched = false
    }

    func closeStdout() {
        release(stdoutFD)
        stdoutFD = -1
    }

    func closeStderr() {
        release(stderrFD)
        stderrFD = -1
    }

    func closeStatus() {
        release(statusFD)
        statusFD = -1
    }

    /// Takes `fd` out of the event poll, then closes it.
    private func release(_ fd: Int32) {
        guard fd >= 0 else { return }
        events?.remove(fd)
        close(fd)
    }

    static func closeDescriptor(_ fd: inout Int32) {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
    }
}
