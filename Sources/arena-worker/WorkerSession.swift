import BotProtocol
import Foundation
import RulesHost
import StrategyKit

/// One bot session: hello, then one reply per observation until `end` or end of input. The
/// strategy itself runs in `RulesSession` (the same code as the runner's in-process host).
struct WorkerSession {
    let codec = BotProtocolCodec()
    private var session: RulesSession

    init(strategyPath: String) throws {
        session = RulesSession(document: try StrategyDocument.load(path: strategyPath))
    }

    mutating func run() throws {
        while let line = readLine(strippingNewline: true) {
            let message = try codec.decodeHostLine(Array(line.utf8))
            switch message {
            case .hello(let hello):
                write(.log(LogMessage(message: try session.start(hello))))
            case .observation(let observation):
                let (actions, logs) = session.reply(to: observation)
                for log in logs { write(.log(LogMessage(message: log))) }
                write(.actions(Actions(tick: observation.tick, actions: actions, decision: session.lastDecision)))
            case .end:
                return
            case .llmResponse:
                continue  // a rules strategy never asks a model
            }
        }
    }

    private func write(_ message: BotMessage) {
        guard let line = try? codec.encode(message) else { return }
        line.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { exit(0) }
                offset += written
            }
        }
    }
}
