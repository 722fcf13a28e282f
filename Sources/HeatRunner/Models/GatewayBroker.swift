import AuditLog
import BotProtocol
import Glibc
import Metrics
import ModelGateway
import Sandbox
import Synchronization

/// Connects the workers' model requests (`Sandbox.ModelBroker`) to the heat's `ModelGateway`:
/// each request is served on the Swift concurrency pool, kept for the transcript (before the
/// bot gets its answer, so it is recorded no later than the reply it leads to) and answered.
final class GatewayBroker: Sendable {
    let gateway: ModelGateway
    private let completed = Mutex<[ModelExchange]>([])
    private let all = Mutex<[ModelExchange]>([])
    /// Requests submitted and not yet answered.
    private let inFlight = Mutex(0)

    init(gateway: ModelGateway) {
        self.gateway = gateway
    }

    /// Serves `request`; no endpoint call outlives `until` (the end of its thinking window).
    func submit(
        slot: Int, tick: Int64, request: LLMRequest, until: ContinuousClock.Instant,
        answer: @escaping @Sendable (LLMResponse) -> Void
    ) {
        let gateway = gateway
        inFlight.withLock { $0 += 1 }
        Task {
            let exchange = await gateway.serve(slot: slot, tick: tick, request: request, until: until)
            self.completed.withLock { $0.append(exchange) }
            self.all.withLock { $0.append(exchange) }
            self.inFlight.withLock { $0 -= 1 }
            Counter(label: "arena_llm_requests_total", dimensions: [("outcome", exchange.record.outcome)]).increment()
            answer(exchange.response)
        }
    }

    /// Waits (at most until `limit`) for every request in flight to end, so a decision point's
    /// exchanges are all inputs of its own tick even when a bot replied before its answer came.
    func awaitIdle(until limit: ContinuousClock.Instant) {
        while inFlight.withLock({ $0 }) > 0, ContinuousClock.now < limit {
            usleep(1_000)
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

/// The broker of one thinking window: the gateway's, with the window's end.
struct WindowBroker: ModelBroker {
    let broker: GatewayBroker
    let until: ContinuousClock.Instant

    func submit(slot: Int, tick: Int64, request: LLMRequest, answer: @escaping @Sendable (LLMResponse) -> Void) {
        broker.submit(slot: slot, tick: tick, request: request, until: until, answer: answer)
    }
}
