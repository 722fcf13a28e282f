/// Shares the endpoint's concurrency among teams round-robin: when a call slot frees up, the
/// next team in slot order after the one served last gets it, however many requests another
/// team has queued. A team that floods the gateway waits behind its own requests, not others'.
public actor FairScheduler {
    private let capacity: Int
    private var inFlight = 0
    private var waiting: [Int: [CheckedContinuation<Void, Never>]] = [:]
    private var lastServed = -1
    /// Slots in the order they were granted a call (for tests and diagnostics).
    public private(set) var grants: [Int] = []

    /// A scheduler allowing `capacity` calls at once.
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Waits for a call slot for team `slot`. Pair with ``release()``.
    public func acquire(slot: Int) async {
        if inFlight < capacity && waiting.values.allSatisfy(\.isEmpty) {
            inFlight += 1
            lastServed = slot
            grants.append(slot)
            return
        }
        await withCheckedContinuation { continuation in
            waiting[slot, default: []].append(continuation)
        }
    }

    /// Frees a call slot and hands it to the next team in round-robin order.
    public func release() {
        inFlight -= 1
        grantNext()
    }

    /// Requests waiting, by team.
    public var queued: [Int: Int] { waiting.mapValues(\.count).filter { $0.value > 0 } }

    private func grantNext() {
        while inFlight < capacity {
            let slots = waiting.filter { !$0.value.isEmpty }.keys.sorted()
            guard let next = slots.first(where: { $0 > lastServed }) ?? slots.first else { return }
            let continuation = waiting[next]!.removeFirst()
            inFlight += 1
            lastServed = next
            grants.append(next)
            continuation.resume()
        }
    }
}
