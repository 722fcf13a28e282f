import BotProtocol
import Sandbox

/// The workers of a heat in which some teams could not be prepared (their
/// `HeatSpec.Entry.preparationFault` is set, e.g. a stored bundle that does not unpack): those
/// slots are faulted at start with their reason, get no `hello`, no observation and no `end`,
/// and are reported like a bot that failed to start; every other slot runs on `inner`. One
/// team's broken bundle costs that team its slot, never the whole heat.
final class PreparedWorkers: Workers {
    private let inner: (any Workers)?
    private let faults: [Int: FaultReason]
    private let labels: [Int: String]

    /// `inner` runs the prepared slots (nil when there are none); `unprepared` are the entries
    /// with a preparation fault.
    init(inner: (any Workers)?, unprepared: [HeatSpec.Entry]) {
        self.inner = inner
        var faults: [Int: FaultReason] = [:]
        var labels: [Int: String] = [:]
        for entry in unprepared {
            faults[entry.slot] = entry.preparationFault
            labels[entry.slot] = entry.label
        }
        self.faults = faults
        self.labels = labels
    }

    func start(hello: [Int: Hello]) -> [Int: WorkerTickResult] {
        var results = inner?.start(hello: hello.filter { faults[$0.key] == nil }) ?? [:]
        for (slot, reason) in faults { results[slot] = .faulted(reason) }
        return results
    }

    func exchange(_ observations: [Int: Observation]) -> [Int: WorkerTickResult] {
        inner?.exchange(observations.filter { faults[$0.key] == nil }) ?? [:]
    }

    func exchange(_ observations: [Int: Observation], thinking: ThinkingWindow) -> [Int: WorkerTickResult] {
        inner?.exchange(observations.filter { faults[$0.key] == nil }, thinking: thinking) ?? [:]
    }

    func decision(of slot: Int) -> Decision? {
        faults[slot] == nil ? inner?.decision(of: slot) : nil
    }

    func finish(end: [Int: End]) -> [Int: WorkerReport] {
        var reports = inner?.finish(end: end.filter { faults[$0.key] == nil }) ?? [:]
        for (slot, reason) in faults {
            reports[slot] = WorkerReport(
                slot: slot, label: labels[slot] ?? "", fault: WorkerFault(reason: reason, tick: 0))
        }
        return reports
    }
}
