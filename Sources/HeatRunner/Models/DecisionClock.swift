import AuditLog
import BotProtocol
import ContestModel
import ModelGateway
import Sandbox

/// The market clock of a contest with models: every `decision_interval` ticks (from the first)
/// is a decision point at which every bot gets the thinking deadline and may ask the model; the
/// market does not move until every bot answered or the deadline passed. Between decision
/// points bots keep the tick deadline.
struct DecisionClock {
    let settings: LLMSettings
    let gateway: ModelGateway
    let broker: GatewayBroker

    init(settings: LLMSettings, endpoint: any ModelEndpoint) {
        self.settings = settings
        self.gateway = ModelGateway(settings: settings, endpoint: endpoint)
        self.broker = GatewayBroker(gateway: gateway)
    }

    /// The terms announced in `hello.llm`.
    var info: LLMInfo { gateway.info }

    /// Slack after a window's end for the last answers to come back (calls are cut at the end).
    static let answerGrace = Duration.milliseconds(500)

    /// The window of the tick with loop index `index` (0 = first), or nil between decision points.
    /// No endpoint call of the window outlives its deadline.
    func window(index: Int) -> ThinkingWindow? {
        guard index % max(1, settings.decisionInterval) == 0 else { return nil }
        let deadline = Duration.milliseconds(settings.thinkingDeadlineMilliseconds)
        return ThinkingWindow(
            deadline: deadline, broker: WindowBroker(broker: broker, until: ContinuousClock.now + deadline))
    }

    /// Records every exchange of the tick as an input of it: after a decision point, first waits
    /// for its requests still in flight (they end with the window).
    func record(into recorder: inout RunRecorder, window: ThinkingWindow?) {
        if let window = window?.broker as? WindowBroker {
            broker.awaitIdle(until: window.until + Self.answerGrace)
        }
        for exchange in broker.drain() {
            recorder.record(.modelExchange(slot: UInt32(exchange.slot), exchange.record))
        }
    }

    /// The team's model exchanges as report lines (its prompts in full, even when the transcript
    /// keeps only their hashes), with a usage summary.
    func reportLines(slot: Int) -> [String] {
        let exchanges = broker.history.filter { $0.slot == slot }
        guard !exchanges.isEmpty else { return [] }
        var lines: [String] = []
        for exchange in exchanges {
            lines.append(exchange.reportLine)
            lines.append("[llm]   prompt: \(exchange.prompt.prefix(2000))")
            if !exchange.record.completion.isEmpty {
                lines.append("[llm]   completion: \(exchange.record.completion.prefix(2000))")
            }
        }
        let usage = gateway.usage[slot] ?? BudgetLedger.Usage()
        let budget = settings.budget
        lines.append(
            "[llm] usage: \(usage.requests)/\(budget.requests) requests, \(usage.inputTokens)/\(budget.inputTokens) "
                + "input and \(usage.outputTokens)/\(budget.outputTokens) output tokens; "
                + "\(usage.platformFailures) platform failures (not charged), \(usage.refused) refused")
        return lines
    }
}
