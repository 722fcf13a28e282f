import BotProtocol
import Glibc

extension Worker {
    /// What reading stdout produced.
    enum OutputOutcome {
        case open
        case endOfFile
        case violation(FaultReason)
    }

    /// Reads stdout without blocking, splits lines and handles each: replies for the awaited
    /// tick are kept, stale or duplicate replies are dropped, logs are kept up to the cap.
    func drainStdout(
        _ buffer: UnsafeMutableRawBufferPointer, codec: BotProtocolCodec, configuration: SandboxConfiguration
    ) -> OutputOutcome {
        guard stdoutFD >= 0 else { return .endOfFile }
        let maxBytesPerTick = max(1 << 20, 4 * configuration.maxLineBytes)
        // Plain values for the line handler (capturing the configuration would copy it per read).
        let maxLineBytes = configuration.maxLineBytes
        let maxLinesPerTick = configuration.maxLinesPerTick
        let maxLogBytes = configuration.maxLogBytesPerTeam
        while true {
            let count = read(stdoutFD, buffer.baseAddress, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return .open }
            if count <= 0 {
                closeStdout()
                return .endOfFile
            }
            bytesThisTick += count
            if bytesThisTick > maxBytesPerTick {
                return .violation(
                    FaultReason(
                        code: FaultReason.outputFlood,
                        detail: "more than \(maxBytesPerTick) bytes on stdout in one tick"))
            }
            var outcome: FaultReason?
            reader.feed(UnsafeRawBufferPointer(rebasing: buffer[..<count])) { item in
                switch item {
                case .tooLong(let length):
                    outcome = FaultReason(
                        code: FaultReason.protocolViolation,
                        detail: "line_too_long: more than \(maxLineBytes) bytes (\(length) so far)")
                case .line(let line):
                    outcome = handle(
                        line: line, codec: codec, maxLinesPerTick: maxLinesPerTick, maxLogBytes: maxLogBytes)
                }
                return outcome == nil
            }
            if let outcome { return .violation(outcome) }
            // A short read almost always means the pipe is empty: poll() tells us when it is not.
            if count < buffer.count { return .open }
        }
    }

    private func handle(line: [UInt8], codec: BotProtocolCodec, maxLinesPerTick: Int, maxLogBytes: Int) -> FaultReason?
    {
        linesThisTick += 1
        if linesThisTick > maxLinesPerTick {
            return FaultReason(code: FaultReason.outputFlood, detail: "more than \(maxLinesPerTick) lines in one tick")
        }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }  // blank lines are ignored
        let message: BotMessage
        do {
            message = try codec.decodeBotLine(line)
        } catch {
            return FaultReason(code: FaultReason.protocolViolation, detail: error.description)
        }
        switch message {
        case .log(let log):
            keep(log: log.message, maxBytes: maxLogBytes)
        case .llmRequest(let request):
            modelRequests.append(request)
        case .actions(let actions):
            if let awaitingTick, actions.tick == awaitingTick, reply == nil {
                reply = actions.actions
                replyDecision = actions.decision
                self.awaitingTick = nil
                if firstReplyAt == nil { firstReplyAt = MonotonicClock.now() }
            }
        // Anything else is stale (an earlier tick), early, or a duplicate: dropped.
        }
        return nil
    }

    private func keep(log message: String, maxBytes: Int) {
        let size = message.utf8.count
        guard logBytes + size <= maxBytes else {
            droppedLogs += 1
            return
        }
        logBytes += size
        logs.append(message)
        tickLogs.append(message)
    }

    /// Prepares for a new tick: drops any unfinished fragment of an old reply.
    func beginTick(_ tick: Int64) {
        reader.discardPartial()
        awaitingTick = tick
        reply = nil
        replyDecision = nil
        tickLogs.removeAll()
        linesThisTick = 0
        bytesThisTick = 0
    }
}
