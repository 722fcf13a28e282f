import MarketModel
public import StrategyKit

/// A deterministic stand-in market for examples, tests and benchmarks: a seeded price path with
/// alternating trend and range regimes, an oscillating funding rate, and a naive fill model
/// (market orders fill at the touch, limit orders fill when the touch crosses them, no fees).
///
/// Not the real engine; use it to see that a strategy trades at all, not how well.
public struct SyntheticMarket: Sendable {
    struct Resting: Sendable {
        var instrument: Int
        var side: Side
        var price: Price
        var quantity: Int64
        var reduceOnly: Bool
    }

    /// The settings this market was created with.
    public let configuration: SyntheticMarketConfiguration
    /// The current tick.
    public private(set) var tick: Int64 = 0
    var mids: [Int64]
    var spreads: [Int64]
    var volumes: [Int64]
    var positions: [Int64]
    var entries: [Int64]
    var balance: Int64
    var resting: [Resting] = []
    var generator: SplitMix64
    /// Fills so far, for tests that want to see trading happen.
    public internal(set) var fillCount = 0

    /// Creates a market at tick 0.
    public init(configuration: SyntheticMarketConfiguration = .init()) {
        self.configuration = configuration
        mids = configuration.startPrices.map(\.ticks)
        let count = configuration.instruments.count
        spreads = [Int64](repeating: 1, count: count)
        volumes = [Int64](repeating: 0, count: count)
        positions = [Int64](repeating: 0, count: count)
        entries = [Int64](repeating: 0, count: count)
        balance = configuration.deposit.units
        generator = SplitMix64(seed: configuration.seed)
    }

    /// The strategy's view of the current tick.
    public func input() -> StrategyInput {
        var markets: [MarketView] = []
        var views: [PositionView] = []
        var unrealized: Int64 = 0
        for (index, spec) in configuration.instruments.enumerated() {
            let mid = mids[index]
            let bid = mid - spreads[index] / 2 - spreads[index] % 2
            let ask = mid + spreads[index] / 2
            let phase = Double((tick + Int64(index) * 150) % 900) / 900
            let funding = Int64(30_000 * (phase < 0.5 ? 1 - 4 * phase : 4 * phase - 3))
            let interval = spec.fundingIntervalTicks
            markets.append(
                MarketView(
                    mark: Price(ticks: mid), index: Price(ticks: mid - 1), last: Price(ticks: mid),
                    bestBid: Price(ticks: bid), bestAsk: Price(ticks: ask),
                    bidSize: Quantity(lots: 200 + (mid % 7) * 50), askSize: Quantity(lots: 200 + (mid % 5) * 60),
                    volume: Quantity(lots: volumes[index]), fundingRate: Rate(units: funding),
                    ticksToFunding: interval - tick % interval, openInterest: Quantity(lots: 50_000)))
            let wide = Int128(mid - entries[index]) * Int128(positions[index]) * Int128(spec.tickLotValue)
            let pnl = Int64(clamping: wide)
            if positions[index] != 0 { unrealized = unrealized.addingReportingOverflow(pnl).partialValue }
            views.append(
                PositionView(
                    size: Quantity(lots: positions[index]),
                    entryPrice: positions[index] == 0 ? nil : Price(ticks: entries[index]),
                    unrealizedPnL: Money(units: positions[index] == 0 ? 0 : pnl),
                    openOrders: resting.lazy.filter { $0.instrument == index }.count))
        }
        let equity = balance.addingReportingOverflow(unrealized).partialValue
        return StrategyInput(
            tick: tick, markets: markets,
            account: AccountView(
                equity: Money(units: equity), balance: Money(units: balance), marginRatio: .zero, positions: views))
    }

    /// Moves to the next tick: prices move, crossed resting orders fill.
    public mutating func advance() {
        tick += 1
        let regime = (tick / configuration.regimeTicks) % 4
        for index in mids.indices {
            let drift: Int64 = regime == 0 ? 6 : regime == 2 ? -6 : 0
            let pull = regime.isMultiple(of: 2) ? 0 : (configuration.startPrices[index].ticks - mids[index]) / 50
            mids[index] = max(1_000, mids[index] + drift + pull + generator.symmetric(configuration.noiseTicks))
            spreads[index] = 1 + Int64(generator.next() % 3)
            volumes[index] = Int64(generator.next() % 400)
        }
        fillResting()
    }
}

extension SplitMix64 {
    /// A whole number in `-magnitude...magnitude`.
    fileprivate mutating func symmetric(_ magnitude: Int64) -> Int64 {
        guard magnitude > 0 else { return 0 }
        return Int64(next() % UInt64(2 * magnitude + 1)) - magnitude
    }
}
