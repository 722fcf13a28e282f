public import BotProtocol
public import HeatRunner
import Logging
public import Sandbox
import Synchronization

/// `Workers` that follow a `WorkerScript` instead of running processes, and remember what the
/// tick loop sent them (hellos, observations, ends). Strikes and faults follow `WorkerGroup`'s
/// contract: a miss counts a consecutive strike, a timely reply resets the count, reaching the
/// configuration's `maxStrikes` faults the bot with `deadline_strikes`; faulted bots are killed
/// and answer `.faulted` from then on.
///
/// Run a heat against it with `HeatExecutor(…, workers: bots.factory)`; one instance serves one heat.
public final class ScriptedWorkers: Workers, Sendable {
    /// What the loop sent, and each bot's state.
    struct State {
        var launches: [WorkerLaunch] = []
        var maxStrikes = Int.max
        var hellos: [Int: Hello] = [:]
        var observations: [Int: [Observation]] = [:]
        var ends: [Int: End]?
        var consecutiveMisses: [Int: Int] = [:]
        var totalMisses: [Int: Int] = [:]
        var logs: [Int: [String]] = [:]
        var faults: [Int: WorkerFault] = [:]
        var currentTick: Int64 = 0
        var windows: [Duration] = []
    }

    public let script: WorkerScript
    let state = Mutex(State())

    /// Bots that follow `script`.
    public init(_ script: WorkerScript) {
        self.script = script
    }

    /// A factory handing this instance to the heat (it takes the heat's launches and `maxStrikes`).
    public var factory: WorkersFactory {
        WorkersFactory { configuration, launches, _ in
            self.state.withLock {
                $0.launches = launches.sorted { $0.slot < $1.slot }
                $0.maxStrikes = configuration.maxStrikes
            }
            return self
        }
    }

    public func start(hello: [Int: Hello]) -> [Int: WorkerTickResult] {
        state.withLock { state in
            var results: [Int: WorkerTickResult] = [:]
            for launch in state.launches {
                if let reason = script.startFaults[launch.slot] {
                    state.faults[launch.slot] = WorkerFault(reason: reason, tick: 0)
                    results[launch.slot] = .faulted(reason)
                } else {
                    state.hellos[launch.slot] = hello[launch.slot]
                    results[launch.slot] = .actions([], logs: [])
                }
            }
            return results
        }
    }

    public func exchange(_ observations: [Int: Observation]) -> [Int: WorkerTickResult] {
        state.withLock { state in
            for observation in observations.values where observation.tick > state.currentTick {
                state.currentTick = observation.tick
            }
            let slots = observations.keys.sorted()
            var results: [Int: WorkerTickResult] = [:]
            for slot in script.arrival == .ascendingSlots ? slots : slots.reversed() {
                guard let observation = observations[slot] else { continue }
                results[slot] = Self.reply(slot: slot, to: observation, script: script, state: &state)
            }
            return results
        }
    }

    /// The scripted decision of `slot`'s reply at the current tick, when it replied.
    public func decision(of slot: Int) -> Decision? {
        state.withLock { state in
            guard state.faults[slot] == nil, state.consecutiveMisses[slot, default: 0] == 0 else { return nil }
            return script.decisions[slot]?[state.currentTick]
        }
    }

    public func finish(end: [Int: End]) -> [Int: WorkerReport] {
        state.withLock { state in
            guard state.ends == nil else { return [:] }
            state.ends = end
            var reports: [Int: WorkerReport] = [:]
            for launch in state.launches {
                reports[launch.slot] = WorkerReport(
                    slot: launch.slot, label: launch.label, fault: state.faults[launch.slot],
                    strikes: state.totalMisses[launch.slot] ?? 0, logLines: state.logs[launch.slot] ?? [])
            }
            return reports
        }
    }

    private static func reply(
        slot: Int, to observation: Observation, script: WorkerScript, state: inout State
    ) -> WorkerTickResult {
        if let fault = state.faults[slot] { return .faulted(fault.reason) }
        state.observations[slot, default: []].append(observation)
        switch script.reply(slot: slot, tick: observation.tick) {
        case .actions(let actions, let logs):
            state.consecutiveMisses[slot] = 0
            state.logs[slot, default: []].append(contentsOf: logs)
            return .actions(actions, logs: logs)
        case .missed:
            let misses = state.consecutiveMisses[slot, default: 0] + 1
            state.consecutiveMisses[slot] = misses
            state.totalMisses[slot, default: 0] += 1
            guard misses < state.maxStrikes else {
                let reason = FaultReason(
                    code: FaultReason.deadlineStrikes, detail: "\(misses) ticks in a row without a reply in time")
                state.faults[slot] = WorkerFault(reason: reason, tick: state.currentTick)
                return .faulted(reason)
            }
            return .missed(strikes: misses)
        case .faulted(let reason):
            state.faults[slot] = WorkerFault(reason: reason, tick: state.currentTick)
            return .faulted(reason)
        }
    }
}
