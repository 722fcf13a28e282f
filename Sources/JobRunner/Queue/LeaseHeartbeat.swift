import Logging
import Storage

/// Keeps a claimed job's lease while its heat runs: renews it every `heartbeat` and gives up
/// when the database says another runner owns the job, or cannot be reached for longer than
/// the lease (another runner may own it by then: stop rather than race it).
struct LeaseHeartbeat: Sendable {
    let store: ArenaStore
    let jobId: Int64
    let configuration: RunnerConfiguration
    let logger: Logger

    /// Renews the lease until the task is cancelled; when the lease is lost, sets `lost` and returns.
    func run(settingOnLoss lost: StopFlag) async {
        let store = store
        let jobId = jobId
        let configuration = configuration
        var lastHeld = ContinuousClock.now
        while !Task.isCancelled {
            try? await Task.sleep(for: configuration.heartbeat)
            if Task.isCancelled { break }
            let attempt = try? await withTimeout(configuration.heartbeat) {
                try await store.heartbeat(jobId: jobId, owner: configuration.owner, lease: configuration.lease)
            }
            if let attempt { lastHeld = attempt ? .now : lastHeld }
            let held = attempt ?? (lastHeld.duration(to: .now) < configuration.lease)
            if attempt == false || !held {
                logger.warning("lease lost; stopping heat", metadata: ["job": "\(jobId)"])
                lost.set()
                break
            }
        }
    }
}
