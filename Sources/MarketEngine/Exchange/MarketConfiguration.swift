public import MarketModel

/// Everything that defines one simulated market besides the seed and the command stream.
///
/// `InstrumentID(i)` names `instruments[i]`. All money and rate parameters are integers on the
/// model's fixed-point grids; see docs/MARKET.md for the meaning of each knob.
public struct MarketConfiguration: Sendable, Hashable, Codable {
    /// The listed instruments, in `InstrumentID` order.
    public var instruments: [InstrumentSpec]
    /// Price process and background agents (per instrument, same order as `instruments`).
    public var background: BackgroundConfiguration
    /// Opening balance of the insurance fund (house account 0).
    public var insuranceFundInitial: Money
    /// Resting orders one account may have across all instruments.
    public var maxOpenOrdersPerAccount: Int
    /// Simulated wall-clock length of one tick.
    public var tickMilliseconds: Int64
    /// Period that `fundingInterest`, `fundingClamp` and `fundingCap` are quoted per (8 h on
    /// Binance). The rate paid per funding interval is the 8 h-style rate scaled by
    /// `fundingIntervalTicks × tickMilliseconds / fundingRatePeriodMilliseconds`.
    public var fundingRatePeriodMilliseconds: Int64
    /// Ticks between two basis samples for the mark price's moving average (1 s by default).
    public var basisSampleTicks: Int64
    /// Number of basis samples in the mark price's moving average.
    public var markBasisWindow: Int
    /// Ticks between two premium-index samples (5 s by default).
    public var premiumSampleTicks: Int64
    /// Impact margin: impact notional = `impactMargin × maxLeverage` (Binance: 200 USDT / IMR).
    public var impactMargin: Money
    /// Clearance fee charged on the book-filled part of a liquidation, paid to the fund.
    public var liquidationClearanceFee: Rate
    /// Notional the insurance fund tries to unwind per tick and instrument.
    public var fundUnwindNotionalPerTick: Money
    /// Trades kept per instrument for `MarketSnapshot.recentTrades`.
    public var recentTradesKept: Int

    public init(
        instruments: [InstrumentSpec], background: BackgroundConfiguration,
        insuranceFundInitial: Money = .usdt(1_000_000), maxOpenOrdersPerAccount: Int = 200,
        tickMilliseconds: Int64 = 100, fundingRatePeriodMilliseconds: Int64 = 28_800_000,
        basisSampleTicks: Int64 = 10, markBasisWindow: Int = 30, premiumSampleTicks: Int64 = 50,
        impactMargin: Money = .usdt(200), liquidationClearanceFee: Rate = .zero,
        fundUnwindNotionalPerTick: Money = .usdt(50_000), recentTradesKept: Int = 32
    ) {
        self.instruments = instruments
        self.background = background
        self.insuranceFundInitial = insuranceFundInitial
        self.maxOpenOrdersPerAccount = maxOpenOrdersPerAccount
        self.tickMilliseconds = tickMilliseconds
        self.fundingRatePeriodMilliseconds = fundingRatePeriodMilliseconds
        self.basisSampleTicks = basisSampleTicks
        self.markBasisWindow = markBasisWindow
        self.premiumSampleTicks = premiumSampleTicks
        self.impactMargin = impactMargin
        self.liquidationClearanceFee = liquidationClearanceFee
        self.fundUnwindNotionalPerTick = fundUnwindNotionalPerTick
        self.recentTradesKept = recentTradesKept
    }

    /// BTC-PERP and ETH-PERP with the standard background market (100 ms ticks).
    public static var standard: MarketConfiguration {
        MarketConfiguration(
            instruments: [.btcPerp, .ethPerp],
            background: .standard(startPrices: [Price(ticks: 650_000), Price(ticks: 350_000)]))
    }

    /// Background of instrument `index`, or a quiet default when the list is short.
    func background(of index: Int) -> InstrumentBackground {
        index < background.instruments.count ? background.instruments[index] : .quiet(start: Price(ticks: 1))
    }

    /// Checks the configuration; returns readable problems (empty when valid).
    public func validationProblems() -> [String] {
        var problems: [String] = []
        if instruments.isEmpty { problems.append("at least one instrument is required") }
        if instruments.count > Int(UInt16.max) { problems.append("too many instruments") }
        for spec in instruments { if let problem = spec.validationProblem() { problems.append(problem) } }
        if background.instruments.count != instruments.count {
            problems.append("background must list one entry per instrument")
        }
        for (index, entry) in background.instruments.enumerated() where entry.startPrice.ticks <= 0 {
            problems.append("background[\(index)]: start price must be positive")
        }
        if tickMilliseconds <= 0 { problems.append("tickMilliseconds must be positive") }
        if fundingRatePeriodMilliseconds <= 0 { problems.append("fundingRatePeriodMilliseconds must be positive") }
        if basisSampleTicks <= 0 || premiumSampleTicks <= 0 { problems.append("sample intervals must be positive") }
        if markBasisWindow <= 0 { problems.append("markBasisWindow must be positive") }
        if maxOpenOrdersPerAccount <= 0 { problems.append("maxOpenOrdersPerAccount must be positive") }
        if insuranceFundInitial.units < 0 { problems.append("insuranceFundInitial must not be negative") }
        return problems
    }
}
