import AuditLog
import BotProtocol
import HeatRunner
import HeatRunnerTestSupport
import MarketModel
import Testing

@Suite("Boundary rejections")
struct BoundaryRejectionTests {
    @Test("actions refused at the boundary are recorded and reach the bot's next observation, once")
    func rejectionsReachTheNextObservation() throws {
        let refused: [BotAction] = [
            .place(PlaceOrder(symbol: "DOGE-PERP", side: .buy, kind: .market, price: nil, quantity: "1", clientID: 7)),
            .place(
                PlaceOrder(
                    symbol: "BTC-PERP", side: .buy, kind: .limit, price: "50000.05", quantity: "0.01", clientID: 8)),
            .place(PlaceOrder(symbol: "BTC-PERP", side: .sell, kind: .market, price: nil, quantity: "0.0005")),
        ]
        let (outcome, bots) = try ScriptedHeat().run(WorkerScript(replies: [1: [3: .actions(refused)]]))

        #expect(
            try outcome.inputs(tick: 3).filter {
                if case .botRejected = $0 { return true }
                return false
            } == [
                .botRejected(slot: 1, clientTag: 7, reason: "unknown_instrument"),
                .botRejected(slot: 1, clientTag: 8, reason: "invalid_price"),
                .botRejected(slot: 1, clientTag: 0, reason: "invalid_quantity"),
            ])
        let observations = bots.observations(of: 1)
        #expect(observations[3].account.rejections.isEmpty)
        #expect(
            observations[4].account.rejections == [
                RejectionView(clientID: 7, reason: "unknown_instrument"),
                RejectionView(clientID: 8, reason: "invalid_price"),
                RejectionView(clientID: nil, reason: "invalid_quantity"),
            ])
        #expect(observations[5].account.rejections.isEmpty, "told once")
        #expect(bots.observations(of: 0)[4].account.rejections.isEmpty, "only the bot that sent them")
    }
}
