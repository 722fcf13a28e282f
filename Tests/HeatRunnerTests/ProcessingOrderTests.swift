import AuditLog
import HeatRunnerTestSupport
import Testing

@testable import HeatRunner

@Suite("Processing order")
struct ProcessingOrderTests {
    /// Every bot sets its leverage every tick: one engine command per bot per tick.
    static let everyoneActs = WorkerScript(otherwise: .actions([Actions.setLeverage]))

    /// The order in which each tick applied the bots' commands.
    static func orders(_ heat: ScriptedHeat, arrival: WorkerScript.Arrival = .ascendingSlots) throws -> [[Int]] {
        var script = everyoneActs
        script.arrival = arrival
        return try heat.run(script).0.records().map(HeatOutcome.botOrder)
    }

    @Test("each tick applies the bots in the seeded permutation, not in slot order")
    func seededPermutation() throws {
        let heat = ScriptedHeat(slots: Array(0..<5), ticks: 20)
        let orders = try Self.orders(heat)
        #expect(orders.count == 20)
        for (tick, order) in orders.enumerated() {
            #expect(order == TickLoop.processingOrder(0..<5, seed: heat.seed, tick: Int64(tick)))
            #expect(order.sorted() == Array(0..<5))
        }
        #expect(orders.contains { $0 != Array(0..<5) }, "the order is a permutation, not the slot order")
        #expect(Set(orders).count > 1, "and it changes from tick to tick")
    }

    @Test("the order does not depend on the order in which replies arrive")
    func independentOfArrival() throws {
        let heat = ScriptedHeat(slots: Array(0..<5), ticks: 20)
        #expect(try Self.orders(heat, arrival: .ascendingSlots) == Self.orders(heat, arrival: .descendingSlots))
    }

    @Test("two teams keep their relative order when other teams join the heat")
    func stableWhenTeamsJoin() throws {
        let small = try Self.orders(ScriptedHeat(slots: [0, 1, 2], ticks: 20))
        let large = try Self.orders(ScriptedHeat(slots: Array(0..<7), ticks: 20))
        #expect(large.map { $0.filter { $0 < 3 } } == small)
    }

    @Test("another seed gives another order")
    func seedMatters() throws {
        let first = try Self.orders(ScriptedHeat(slots: Array(0..<5), seed: 1, ticks: 20))
        let second = try Self.orders(ScriptedHeat(slots: Array(0..<5), seed: 2, ticks: 20))
        #expect(first != second)
    }
}
