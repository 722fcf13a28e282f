import AuditLog
import BotProtocol
import Metrics
import ModelGateway
import Sandbox
import Synchronization

/// Connects the workers' model requests (`Sandbox.ModelBroker`) to the heat's `ModelGateway`:
/// each request is served on the Swift concurrency pool, kept for the transcript (before the
/// bot gets its answer, so it is recorded no later than the reply it leads to) and answered.
final class GatewayBroker: ModelBroker {
    let gateway: ModelGateway
    private let completed = Mutex<[ModelExchange]>([])
    private let all = Mutex<[ModelExchange]>([])

    init(gateway: ModelGateway) {
        self.gateway = gateway
    }

    func submit(slot: Int, tick: Int64, request: LLMRequest, answer: @escaping @Sendable (LLMResponse) -> Void) {
        let gateway = gateway
        Task {
            let exchange = await gateway.serve(slot: slot, tick: tick, request: request)
            self.completed.withLock { $0.append(exchange) }
            self.all.withLock { $0.append(exchange) }
            Counter(label: "arena_llm_requests_total", dimensions: [("outcome", exchange.record.outcome)]).increment()
            answer(exchange.response)
        }
    }

    /// Exchanges completed since the last call, by slot (stable within a slot).
    func drain() -> [ModelExchange] {
        let taken = completed.withLock { completed in
            defer { completed.removeAll() }
            return completed
        }
        return taken.enumerated().sorted { ($0.element.slot, $0.offset) < ($1.element.slot, $1.offset) }.map(\.element)
    }

    /// Every exchange of the heat so far, in completion order.
    var history: [ModelExchange] { all.withLock { $0 } }
}
