public import BotProtocol
import MarketModel
public import StrategyKit

/// A `rules` strategy hosted in-process, the way `arena-worker` hosts it in the sandbox: checked
/// against the heat's instruments at `hello`, then one evaluator step per observation.
public struct RulesBot: InProcessBot {
    let document: StrategyDocument
    var evaluator: StrategyEvaluator?
    var translator: RulesObservationTranslator?

    /// A bot running `document`.
    public init(document: StrategyDocument) {
        self.document = document
    }

    /// A bot running the strategy file at `path`.
    public init(path: String) throws {
        self.init(document: try StrategyDocument.load(path: path))
    }

    public mutating func start(_ hello: Hello) throws {
        let specs = hello.instruments.map { info in
            [InstrumentSpec.btcPerp, .ethPerp].first { $0.symbol == info.symbol } ?? InstrumentSpec.btcPerp
        }
        let checked = try StrategyChecker.check(
            document,
            limits: CheckLimits(
                maxLookback: 10_000, maxStepsPerTick: 1_000_000, instruments: specs,
                maxOrdersPerTick: hello.limits.maxActionsPerTick))
        evaluator = try StrategyEvaluator(strategy: checked, instruments: specs)
        translator = RulesObservationTranslator(instruments: specs)
    }

    public mutating func reply(to observation: Observation) -> (actions: [BotAction], logs: [String]) {
        guard var evaluator, let translator else { return ([], []) }
        let output = evaluator.step(translator.input(observation))
        self.evaluator = evaluator
        return (output.actions.map(translator.action), output.logs)
    }
}
