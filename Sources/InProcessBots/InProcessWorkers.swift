public import BotProtocol
public import HeatRunner
public import Sandbox

/// `Workers` whose bots run in this process (``InProcessBot``): the whole heat (engine, tick
/// loop, bots) on one thread, without processes, pipes or JSON. For tests and benchmarks that
/// need real strategies in a real heat; a bot never misses a deadline here.
///
/// One instance serves one heat: `HeatExecutor(…, workers: InProcessWorkers.factory { … })`.
public final class InProcessWorkers: Workers {
    private var bots: [Int: any InProcessBot]
    private var labels: [Int: String]
    private var faults: [Int: FaultReason] = [:]
    private var logs: [Int: [String]] = [:]
    private var decisions: [Int: Decision] = [:]
    private var finished = false

    /// Workers running `bots` (by slot); `labels` name them in the reports.
    public init(bots: [Int: any InProcessBot], labels: [Int: String] = [:]) {
        self.bots = bots
        self.labels = labels
    }

    /// A factory that builds each heat's bots with `make(slot, label)` (throwing fails the heat).
    public static func factory(
        _ make: @escaping @Sendable (_ slot: Int, _ label: String) throws -> any InProcessBot
    ) -> WorkersFactory {
        WorkersFactory { _, launches, _ in
            var bots: [Int: any InProcessBot] = [:]
            var labels: [Int: String] = [:]
            for launch in launches {
                bots[launch.slot] = try make(launch.slot, launch.label)
                labels[launch.slot] = launch.label
            }
            return InProcessWorkers(bots: bots, labels: labels)
        }
    }

    public func start(hello: [Int: Hello]) -> [Int: WorkerTickResult] {
        var results: [Int: WorkerTickResult] = [:]
        for slot in bots.keys.sorted() {
            guard var bot = bots[slot] else { continue }
            do {
                if let message = hello[slot] { try bot.start(message) }
                bots[slot] = bot
                results[slot] = .actions([], logs: [])
            } catch {
                let reason = FaultReason(code: FaultReason.crashed, detail: "\(error)")
                faults[slot] = reason
                results[slot] = .faulted(reason)
            }
        }
        return results
    }

    public func exchange(_ observations: [Int: Observation]) -> [Int: WorkerTickResult] {
        var results: [Int: WorkerTickResult] = [:]
        decisions.removeAll(keepingCapacity: true)
        for slot in observations.keys.sorted() {
            if let fault = faults[slot] {
                results[slot] = .faulted(fault)
                continue
            }
            guard var bot = bots[slot], let observation = observations[slot] else { continue }
            let (actions, lines) = bot.reply(to: observation)
            bots[slot] = bot
            decisions[slot] = bot.decision
            if !lines.isEmpty, logs[slot, default: []].count < 200 { logs[slot, default: []] += lines.prefix(16) }
            results[slot] = .actions(actions, logs: lines)
        }
        return results
    }

    public func decision(of slot: Int) -> Decision? { decisions[slot] }

    public func finish(end: [Int: End]) -> [Int: WorkerReport] {
        guard !finished else { return [:] }
        finished = true
        var reports: [Int: WorkerReport] = [:]
        for slot in bots.keys.sorted() {
            reports[slot] = WorkerReport(
                slot: slot, label: labels[slot] ?? "", fault: faults[slot].map { WorkerFault(reason: $0, tick: 0) },
                strikes: 0, logLines: logs[slot] ?? [])
        }
        return reports
    }
}
