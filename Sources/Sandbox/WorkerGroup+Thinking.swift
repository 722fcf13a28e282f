public import BotProtocol

extension WorkerGroup {
    /// Most model requests one bot may make in one window; more are answered
    /// `malformed_request` at once, without reaching the gateway.
    static let maxQueuedModelRequests = 16

    /// A decision point: like `exchange(_:)`, but every bot has `thinking.deadline` to answer
    /// and its `llm_request` lines are served by `thinking.broker`, answers written back to its
    /// stdin as they come. Outside a window, model requests are answered `unavailable`.
    public func exchange(_ observations: [Int: Observation], thinking: ThinkingWindow) -> [Int: WorkerTickResult] {
        var lines: [Int: EncodedObservation] = [:]
        for (slot, observation) in observations {
            lines[slot] = EncodedObservation(observation)
        }
        return exchange(encoded: lines, thinking: thinking)
    }

    /// Same as `exchange(_:thinking:)` with observations the caller encoded already.
    public func exchange(encoded observations: [Int: EncodedObservation], thinking: ThinkingWindow)
        -> [Int: WorkerTickResult]
    {
        self.thinking = thinking
        defer { self.thinking = nil }
        return exchange(encoded: observations)
    }

    /// Hands the model requests `worker` sent to the broker of the current window (or answers
    /// them `unavailable` when there is none).
    func dispatchModelRequests(_ worker: Worker) {
        guard !worker.modelRequests.isEmpty else { return }
        let requests = worker.modelRequests
        worker.modelRequests.removeAll()
        let slot = worker.launch.slot
        for request in requests {
            guard let thinking else {
                modelInbox.post(
                    slot: slot,
                    LLMResponse(
                        id: request.id, outcome: .unavailable, model: request.model,
                        error: "model requests are answered only at decision points"))
                continue
            }
            guard thinking.requests.add(slot: slot) <= Self.maxQueuedModelRequests else {
                modelInbox.post(
                    slot: slot,
                    LLMResponse(
                        id: request.id, outcome: .malformedRequest, model: request.model,
                        error: "more than \(Self.maxQueuedModelRequests) requests in one decision point"))
                continue
            }
            let inbox = modelInbox
            thinking.broker.submit(slot: slot, tick: currentTick, request: request) { response in
                inbox.post(slot: slot, response)
            }
        }
    }

    /// Writes every model answer that arrived to its bot's stdin.
    func deliverModelAnswers() {
        for (slot, line) in modelInbox.drain() {
            guard let worker = workers[slot], worker.isLive else { continue }
            if !worker.send(line), worker.outputClosedAt == nil { worker.outputClosedAt = MonotonicClock.now() }
            watchPendingInput(worker)
        }
    }
}
