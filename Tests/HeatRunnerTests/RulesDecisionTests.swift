import AuditLog
import ContestModel
import HeatRunner
import MarketModel
import Sandbox
import Testing

/// Rules strategies explain their orders when the contest asks (`decisions: {required: true}`):
/// the rules hosts number the orders and send the evaluator's decision with the reply, the same
/// way in the runner and in `arena-worker`; contests that do not ask get the transcript they
/// always got.
@Suite("Rules strategies send decisions when the contest asks")
struct RulesDecisionTests {
    static let ticks = 300

    /// Every bot order of a transcript: (tick, slot, client tag).
    static func orders(_ records: [TickRecord]) -> [(tick: Int64, slot: UInt32, tag: UInt64)] {
        records.flatMap { record in
            record.inputs.compactMap { input -> (Int64, UInt32, UInt64)? in
                guard case .command(.bot(let slot), .placeOrder(let request)) = input else { return nil }
                return (record.tick, slot, request.clientTag)
            }
        }
    }

    /// Every decision of a transcript: (tick, slot, record).
    static func decisions(_ records: [TickRecord]) -> [(tick: Int64, slot: UInt32, record: DecisionRecord)] {
        records.flatMap { record in
            record.inputs.compactMap { input -> (Int64, UInt32, DecisionRecord)? in
                guard case .decision(let slot, let decision, _) = input else { return nil }
                return (record.tick, slot, decision)
            }
        }
    }

    @Test(
        "with decisions required, rules orders are accepted and explained, identically in process and per process",
        .enabled(if: RulesBinaries.available, "needs arena-sandbox and arena-worker (swift build)"))
    func requiredDecisionsBothWays() throws {
        var spec = try RulesInProcessTests.spec(ticks: Self.ticks)
        spec.contest.decisions = DecisionSettings(required: true)
        let processes = try RulesInProcessTests.run(spec, workers: .processPerBot, threads: 1)
        let inProcess = try RulesInProcessTests.run(spec, workers: .workerGroup, threads: 2)
        #expect(processes.reports.values.allSatisfy { $0.fault == nil })
        #expect(inProcess.reports.values.allSatisfy { $0.fault == nil })
        #expect(inProcess.transcript.bytes == processes.transcript.bytes)
        #expect(inProcess.equityCurves == processes.equityCurves)

        let records = try inProcess.records()
        let refused = records.flatMap(\.inputs).filter {
            if case .botRejected(_, _, "decision_required") = $0 { true } else { false }
        }
        #expect(refused.isEmpty, "\(refused.count) rules orders refused for want of a decision")
        let orders = Self.orders(records)
        let decisions = Self.decisions(records)
        #expect(orders.count > 100, "the strategies should trade (\(orders.count) orders)")
        #expect(Set(orders.map(\.slot)).count >= 4)
        // Every order is numbered and bound to its reply's decision.
        var bound: [String: Set<UInt64>] = [:]
        for decision in decisions { bound["\(decision.tick)/\(decision.slot)"] = Set(decision.record.clientIDs) }
        for order in orders {
            #expect(order.tag != 0)
            #expect(bound["\(order.tick)/\(order.slot)"]?.contains(order.tag) == true, "order \(order)")
        }
        // The decisions say which rule fired, on what condition, with what values.
        let names = Set(RulesInProcessTests.strategies)
        for decision in decisions {
            #expect(names.contains(decision.record.model))
            #expect(!decision.record.output.isEmpty)
        }
        let ruled = decisions.filter { $0.record.output != "risk" }
        #expect(!ruled.isEmpty)
        #expect(ruled.contains { $0.record.rationale.contains(": when ") && $0.record.inputs.contains("=") })
    }

    @Test(
        "without a decisions section rules bots send no decisions and no client ids, and trade the same",
        .enabled(if: RulesBinaries.available, "needs arena-sandbox and arena-worker (swift build)"))
    func noSectionNoDecisions() throws {
        let plain = try RulesInProcessTests.spec(ticks: Self.ticks)
        #expect(plain.contest.decisions == nil)
        var required = plain
        required.contest.decisions = DecisionSettings(required: true)
        let without = try RulesInProcessTests.run(plain, workers: .workerGroup, threads: 2)
        let with = try RulesInProcessTests.run(required, workers: .workerGroup, threads: 2)
        let records = try without.records()
        #expect(Self.decisions(records).isEmpty)
        #expect(Self.orders(records).allSatisfy { $0.tag == 0 })
        #expect(Self.orders(records).count == Self.orders(try with.records()).count)
        // Numbering and explaining orders does not change how the strategies trade.
        #expect(without.equityCurves == with.equityCurves)
        #expect(without.transcript.bytes != with.transcript.bytes)
    }
}
