public import Sandbox

/// `Workers` that take each bot's observation already encoded as its protocol line, so the tick
/// loop can encode the part every bot shares (the markets) once per tick and only the account
/// part per bot. `WorkerGroup` is one; scripted test workers are not and get `Observation`s.
public protocol EncodedObservationWorkers: Workers {
    /// Same as `exchange(_:)` with the lines encoded by the caller.
    func exchange(encoded observations: [Int: EncodedObservation]) -> [Int: WorkerTickResult]

    /// Same as `exchange(_:thinking:)` with the lines encoded by the caller.
    func exchange(encoded observations: [Int: EncodedObservation], thinking: ThinkingWindow) -> [Int: WorkerTickResult]
}

extension EncodedObservationWorkers {
    /// A plain exchange: these workers' bots cannot ask a model.
    public func exchange(encoded observations: [Int: EncodedObservation], thinking: ThinkingWindow)
        -> [Int: WorkerTickResult]
    {
        exchange(encoded: observations)
    }
}
