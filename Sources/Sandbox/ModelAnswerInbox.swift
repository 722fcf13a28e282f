import BotProtocol
import Glibc
import Synchronization

/// Model answers on their way back to bots: filled from any thread by the broker's callbacks,
/// drained by the group's poll thread, which a self-pipe wakes from `poll`.
final class ModelAnswerInbox: Sendable {
    private let answers = Mutex<[(slot: Int, line: [UInt8])]>([])
    /// Read end (polled by the group) and write end of the wake-up pipe; -1 when unavailable.
    let readFD: Int32
    private let writeFD: Int32

    init() {
        if let pipe = SystemCalls.pipe() {
            SystemCalls.setNonBlocking(pipe.read)
            SystemCalls.setNonBlocking(pipe.write)
            readFD = pipe.read
            writeFD = pipe.write
        } else {
            readFD = -1
            writeFD = -1
        }
    }

    deinit {
        if readFD >= 0 { close(readFD) }
        if writeFD >= 0 { close(writeFD) }
    }

    /// Queues `response` for the bot in `slot` and wakes the poll loop.
    func post(slot: Int, _ response: LLMResponse) {
        let line = HostMessage.llmResponse(response).encodedLine()
        answers.withLock { $0.append((slot, line)) }
        guard writeFD >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    /// Takes every queued answer (and clears the wake-up pipe).
    func drain() -> [(slot: Int, line: [UInt8])] {
        if readFD >= 0 {
            var scratch = [UInt8](repeating: 0, count: 64)
            while read(readFD, &scratch, scratch.count) > 0 {}
        }
        return answers.withLock { answers in
            defer { answers.removeAll() }
            return answers
        }
    }
}
