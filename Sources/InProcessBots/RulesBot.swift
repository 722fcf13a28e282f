public import BotProtocol
import RulesHost
public import StrategyKit

/// A `rules` strategy hosted in-process through `RulesSession`, the same code `arena-worker`
/// runs in the sandbox: checked against the heat's instruments at `hello`, then one evaluator
/// step per observation.
public struct RulesBot: InProcessBot {
    var session: RulesSession

    /// A bot running `document`.
    public init(document: StrategyDocument) {
        session = RulesSession(document: document)
    }

    /// A bot running the strategy file at `path`.
    public init(path: String) throws {
        self.init(document: try StrategyDocument.load(path: path))
    }

    public mutating func start(_ hello: Hello) throws {
        _ = try session.start(hello)
    }

    public mutating func reply(to observation: Observation) -> (actions: [BotAction], logs: [String]) {
        session.reply(to: observation)
    }

    /// The decision of the last reply (sent when `hello.decisions_required` is true).
    public var decision: Decision? { session.lastDecision }
}
