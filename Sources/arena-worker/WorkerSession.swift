import BotProtocol
import Foundation
import MarketModel
import StrategyKit

/// One bot session: hello, then one reply per observation until `end` or end of input.
struct WorkerSession {
    let document: StrategyDocument
    let codec = BotProtocolCodec()
    private var evaluator: StrategyEvaluator?
    private var translator: ObservationTranslator?

    init(strategyPath: String) throws {
        document = try StrategyDocument.load(path: strategyPath)
    }

    mutating func run() throws {
        while let line = readLine(strippingNewline: true) {
            let message = try codec.decodeHostLine(Array(line.utf8))
            switch message {
            case .hello(let hello):
                try start(hello)
            case .observation(let observation):
                try reply(to: observation)
            case .end:
                return
            }
        }
    }

    private mutating func start(_ hello: Hello) throws {
        let specs = hello.instruments.map { info in
            [InstrumentSpec.btcPerp, .ethPerp].first { $0.symbol == info.symbol } ?? InstrumentSpec.btcPerp
        }
        let checked = try StrategyChecker.check(
            document,
            limits: CheckLimits(
                maxLookback: 10_000, maxStepsPerTick: 1_000_000, instruments: specs,
                maxOrdersPerTick: hello.limits.maxActionsPerTick))
        evaluator = try StrategyEvaluator(strategy: checked, instruments: specs)
        translator = ObservationTranslator(instruments: specs)
        write(
            .log(
                LogMessage(message: "rules strategy \(checked.name) ready; cost bound \(checked.costBound) steps/tick"))
        )
    }

    private mutating func reply(to observation: Observation) throws {
        guard var evaluator, let translator else {
            write(.actions(Actions(tick: observation.tick, actions: [])))
            return
        }
        let output = evaluator.step(translator.input(observation))
        self.evaluator = evaluator
        for log in output.logs { write(.log(LogMessage(message: log))) }
        if output.budgetExceeded { write(.log(LogMessage(message: "step budget exceeded; no actions this tick"))) }
        write(.actions(Actions(tick: observation.tick, actions: output.actions.map(translator.action))))
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
