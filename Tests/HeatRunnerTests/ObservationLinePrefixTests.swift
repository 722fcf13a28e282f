import BotProtocol
import MarketModel
import Testing

@Suite("Observation lines with a shared market prefix")
struct ObservationLinePrefixTests {
    static let markets = [
        MarketView(
            symbol: "BTC-PERP", mark: "60000.1", index: "60000", last: "60000.2", fundingRate: "0.0001",
            nextFundingTick: 120, openInterest: "1.5", volume: "0.25",
            bids: [BookLevel(price: "59999.9", quantity: "0.5")], asks: [BookLevel(price: "60000.3", quantity: "1")],
            trades: [TradeView(price: "60000.2", quantity: "0.01", side: .buy)]),
        MarketView(
            symbol: "ETH-PERP", mark: "3000", index: "3000", last: nil, fundingRate: "0", nextFundingTick: 120,
            openInterest: "0", volume: "0", bids: [], asks: [], trades: []),
    ]

    static let account = AccountView(
        balance: "10000", equity: "10001.5", available: "9000", marginRatio: "0.01",
        positions: [
            PositionView(
                symbol: "BTC-PERP", size: "-0.5", entryPrice: "60001", unrealizedPnL: "1.5", liquidationPrice: nil,
                leverage: 20, marginMode: .cross)
        ],
        openOrders: [
            OpenOrderView(orderID: 7, clientID: 3, symbol: "BTC-PERP", side: .buy, price: "59000", remaining: "0.1")
        ],
        rejections: [RejectionView(clientID: nil, reason: "invalid_price \"quoted\"")])

    @Test("prefix + account is byte for byte the full observation line", arguments: [nil, true, false] as [Bool?])
    func sameBytes(decisionPoint: Bool?) {
        var observation = Observation(tick: 42, timeMs: 42_000, markets: Self.markets, account: Self.account)
        observation.decisionPoint = decisionPoint
        let prefix = ObservationLinePrefix(tick: 42, timeMs: 42_000, markets: Self.markets)
        #expect(
            prefix.line(account: Self.account, decisionPoint: decisionPoint)
                == HostMessage.observation(observation).encodedLine())
    }
}
