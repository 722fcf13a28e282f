import BotProtocol
import MarketModel

/// Small protocol messages for tests and benchmarks.
enum ProtocolFixtures {
    static func hello(team: String = "team", ticks: Int = 10) -> Hello {
        Hello(
            contestID: "test", team: team, instruments: [InstrumentInfo(.btcPerp)], limits: ProtocolLimits(),
            startingBalance: "10000", ticksTotal: ticks)
    }

    /// An observation; `mark` moves the whole book (whole USDT).
    static func observation(tick: Int64, mark: Int = 67_250) -> Observation {
        let market = MarketView(
            symbol: "BTC-PERP", mark: "\(mark).1", index: "\(mark).0", last: "\(mark).0", fundingRate: "0.0001",
            nextFundingTick: 600, openInterest: "12.5", volume: "100.25",
            bids: [BookLevel(price: "\(mark).0", quantity: "1.5")],
            asks: [BookLevel(price: "\(mark).1", quantity: "0.7")],
            trades: [TradeView(price: "67250.0", quantity: "0.01", side: .buy)])
        let account = AccountView(balance: "10000", equity: "10000", available: "10000", marginRatio: "0")
        return Observation(tick: tick, timeMs: 1_700_000_000_000 + tick * 1000, markets: [market], account: account)
    }
}
