import AuditLog
import BotProtocol
import HeatRunner
import HeatRunnerTestSupport
import MarketModel
import Testing

@Suite("Decision recording")
struct DecisionRecordingTests {
    static func order(_ clientID: UInt64?) -> BotAction {
        .place(
            PlaceOrder(symbol: "BTC-PERP", side: .buy, kind: .market, price: nil, quantity: "0.001", clientID: clientID)
        )
    }

    static let decision = Decision(
        model: "lgbm-direction", version: "7", inputs: "ret_5=0.001", output: "p_up=0.62 -> buy",
        rationale: "momentum", confidence: "0.24")

    @Test("a reply's decision is recorded before its orders, bound to their client ids")
    func recordedBeforeTheOrders() throws {
        var script = WorkerScript(replies: [1: [3: .actions([Self.order(8), Self.order(9)])]])
        script.decisions = [1: [3: Self.decision]]
        let (outcome, _) = try ScriptedHeat().run(script)
        let inputs = try outcome.inputs(tick: 3)
        let index = try #require(inputs.firstIndex { if case .decision = $0 { true } else { false } })
        guard case .decision(let slot, let record, let digest) = inputs[index] else { return }
        #expect(slot == 1)
        #expect(record.clientIDs == [8, 9])
        #expect(record.model == "lgbm-direction" && record.output == "p_up=0.62 -> buy" && record.confidence == "0.24")
        #expect(digest == record.digest)
        let firstOrder = inputs.firstIndex { if case .command(.bot(1), .placeOrder) = $0 { true } else { false } }
        #expect(firstOrder.map { $0 > index } == true, "the decision precedes the orders it explains")
        #expect(
            try outcome.records().allSatisfy { record in
                record.tick == 3 || !record.inputs.contains { if case .decision = $0 { true } else { false } }
            })
    }

    @Test("with decisions required, an order without one is refused with a readable reason")
    func requiredDecisions() throws {
        var script = WorkerScript(replies: [
            1: [3: .actions([Self.order(8)]), 4: .actions([Self.order(10)])]
        ])
        script.decisions = [1: [4: Self.decision]]
        var heat = ScriptedHeat()
        heat.decisionsRequired = true
        let (outcome, bots) = try heat.run(script)
        #expect(try outcome.inputs(tick: 3).contains(.botRejected(slot: 1, clientTag: 8, reason: "decision_required")))
        #expect(
            try outcome.inputs(tick: 4).contains {
                if case .command(.bot(1), .placeOrder(let request)) = $0 { request.clientTag == 10 } else { false }
            })
        #expect(
            bots.observations(of: 1)[4].account.rejections == [RejectionView(clientID: 8, reason: "decision_required")])
    }

    @Test("without the contest option, orders without decisions go through as before")
    func optionalByDefault() throws {
        let (outcome, _) = try ScriptedHeat().run(WorkerScript(replies: [1: [3: .actions([Self.order(8)])]]))
        let inputs = try outcome.inputs(tick: 3)
        #expect(!inputs.contains { if case .decision = $0 { true } else { false } })
        #expect(!inputs.contains { if case .botRejected = $0 { true } else { false } })
    }
}
