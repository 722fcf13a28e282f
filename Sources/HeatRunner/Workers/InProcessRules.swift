import BotProtocol
import RulesHost
import Sandbox
import StrategyKit

/// The `rules` strategies of a heat evaluated inside the runner: no process, no pipe, no JSON.
///
/// Safe to host next to the engine because a `rules` strategy is not code: the platform loads
/// the document under `InputGuard`'s size and nesting limits, checks it against the contest
/// (`StrategyChecker`: types, bounded lookback, a static step cost within the budget) and runs it
/// in `StrategyEvaluator`, which is total (checked arithmetic, no traps, a per-tick step budget)
/// and keeps all state in the host's memory with bounds fixed at check time. A strategy that
/// does not load or check is faulted at start; the others play on (docs/ARCHITECTURE.md,
/// "Rules strategies in the runner").
///
/// Each strategy's session is touched by one thread at a time; `step` spreads the sessions over
/// the heat's threads in contiguous chunks.
final class InProcessRules {
    struct Host {
        let slot: Int
        let label: String
        var session: RulesSession?
        var fault: FaultReason?
        var logs: [String] = []
        var droppedLogs = 0
        /// The decision of the last reply (contests that ask for decisions).
        var decision: Decision?
    }

    /// Log lines kept per strategy for its report.
    static let maxLogLines = 200

    private(set) var hosts: [Host]
    /// Slot → index in `hosts`.
    let index: [Int: Int]

    /// Loads each entry's `strategy.yaml` (a document that does not load faults that slot at start).
    init(entries: [HeatSpec.Entry]) {
        var hosts: [Host] = []
        var index: [Int: Int] = [:]
        for entry in entries.sorted(by: { $0.slot < $1.slot }) {
            index[entry.slot] = hosts.count
            do {
                let document = try StrategyDocument.load(path: entry.bundleDirectory + "/strategy.yaml")
                hosts.append(Host(slot: entry.slot, label: entry.label, session: RulesSession(document: document)))
            } catch {
                hosts.append(
                    Host(
                        slot: entry.slot, label: entry.label, session: nil,
                        fault: FaultReason(code: FaultReason.crashed, detail: "arena-worker: \(error)")))
            }
        }
        self.hosts = hosts
        self.index = index
    }

    /// The hosted slots.
    var slots: [Int] { hosts.map(\.slot) }

    /// Checks every strategy against the heat (`hello`); a strategy that does not check is faulted.
    func start(hello: [Int: Hello]) -> [Int: WorkerTickResult] {
        var results: [Int: WorkerTickResult] = [:]
        for offset in hosts.indices {
            let slot = hosts[offset].slot
            if hosts[offset].fault == nil, let message = hello[slot], var session = hosts[offset].session {
                do {
                    keep(try session.start(message), offset)
                    hosts[offset].session = session
                } catch {
                    hosts[offset].fault = FaultReason(code: FaultReason.crashed, detail: "arena-worker: \(error)")
                }
            }
            results[slot] = hosts[offset].fault.map { .faulted($0) } ?? .actions([], logs: [])
        }
        return results
    }

    /// Whether `slot` is hosted and healthy.
    func isLive(_ slot: Int) -> Bool {
        guard let offset = index[slot] else { return false }
        return hosts[offset].fault == nil && hosts[offset].session?.isStarted == true
    }

    /// One tick for every strategy `input` returns an input for (called on the chunk's thread;
    /// it must only read shared state). Results by slot.
    func step(threads: Int, input: (_ slot: Int) -> StrategyInput?) -> [Int: WorkerTickResult] {
        var outputs = [WorkerTickResult?](repeating: nil, count: hosts.count)
        hosts.withUnsafeMutableBufferPointer { hosts in
            outputs.withUnsafeMutableBufferPointer { outputs in
                Parallel.chunks(count: hosts.count, threads: threads) { range in
                    for offset in range {
                        guard let input = input(hosts[offset].slot) else { continue }
                        if let fault = hosts[offset].fault {
                            outputs[offset] = .faulted(fault)
                            continue
                        }
                        // Stepped in place: copying a session out and back would retain and
                        // release every buffer of its evaluator (a quarter of a 1,000-team tick).
                        guard hosts[offset].session != nil else { continue }
                        let (actions, logs) = hosts[offset].session!.step(input)
                        hosts[offset].decision = hosts[offset].session!.lastDecision
                        if !logs.isEmpty { Self.keep(logs, &hosts[offset]) }
                        outputs[offset] = .actions(actions, logs: logs)
                    }
                }
            }
        }
        var results: [Int: WorkerTickResult] = [:]
        results.reserveCapacity(hosts.count)
        for offset in hosts.indices {
            if let output = outputs[offset] { results[hosts[offset].slot] = output }
        }
        return results
    }

    /// The decision of `slot`'s reply in the last `step` (nil: none, or not hosted here).
    func decision(of slot: Int) -> Decision? {
        index[slot].flatMap { hosts[$0].decision }
    }

    /// One report per hosted slot.
    func finish() -> [Int: WorkerReport] {
        var reports: [Int: WorkerReport] = [:]
        for host in hosts {
            reports[host.slot] = WorkerReport(
                slot: host.slot, label: host.label, fault: host.fault.map { WorkerFault(reason: $0, tick: 0) },
                logLines: host.logs, droppedLogLines: host.droppedLogs,
                stderrTail: host.fault.map { $0.detail } ?? "", exitStatus: .unknown)
        }
        return reports
    }

    private func keep(_ line: String, _ offset: Int) {
        Self.keep([line], &hosts[offset])
    }

    private static func keep(_ lines: [String], _ host: inout Host) {
        for line in lines {
            if host.logs.count < maxLogLines { host.logs.append(line) } else { host.droppedLogs += 1 }
        }
    }
}
