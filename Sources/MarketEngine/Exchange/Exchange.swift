import MarketBackground
public import MarketModel

/// The simulated perpetual-futures exchange: books, accounts, margin, prices, funding,
/// liquidation, insurance fund and ADL, with the seeded background market (`MarketBackground`)
/// trading through a narrow house-order seam (`HouseDesk`).
///
/// A pure, synchronous value: `(configuration, seed, command stream)` determines every event and
/// `stateHash()`. Commands are applied within the current tick with `apply(_:)`; `advance()`
/// closes the tick.
public struct Exchange: Sendable {
    /// The configuration the exchange was built from.
    public let configuration: MarketConfiguration
    /// The run seed.
    public let seed: UInt64
    let specs: [InstrumentSpec]
    let instrumentCount: Int
    /// Per instrument, `specs[i].tickLotValue` (a division) computed once.
    let tickLotValues: [Int64]
    /// `configuration.maxOpenOrdersPerAccount` and `recentTradesKept`, read on every order: kept
    /// apart because reading a field of the large configuration struct copied all of it.
    let maxOpenOrdersPerAccount: Int
    let recentTradesKept: Int
    /// Current tick (starts at 0).
    public internal(set) var tick: Int64 = 0

    var books: [OrderBook]
    var markets: [InstrumentMarket]
    var accounts: [AccountState] = []
    /// Flattened `[account × instrument]`.
    var positions: [PositionState] = []
    var orders = OrderSlab(capacity: 1024)
    /// Per slab slot, its links in its account's list of live orders (derived; not hashed).
    var orderLinks: [OrderLink] = []
    var freeSlots: [Int32] = []
    var orderIndex = OrderIndex()
    /// Per instrument, Σ long sizes in lots (= Σ short sizes), kept by `applyFill` (derived; not
    /// hashed).
    var openInterest: [Int64]
    var nextOrderID: UInt64 = 1
    /// Every balance: wallets, isolated margins, fees, deposits, funding residue (the only
    /// writer of money).
    var ledger: Ledger
    /// Price processes and house agents (`MarketBackground`), driven through `HouseDesk`.
    var background: BackgroundMarket
    /// First account id that belongs to a bot.
    public let firstBotAccount: AccountID
    /// Event buffer of the command being processed.
    var pending: [MarketEvent] = []
    /// Accounts liquidated by the command being processed (exempt from the equity invariant).
    var liquidatedInCommand: [Int] = []

    /// The insurance fund's account.
    public static let insuranceFundAccount = AccountID(0)

    /// Builds the market: the insurance fund (account 0), then one house account per background
    /// agent (ids 1…), then bots from `firstBotAccount` on. The configuration is not validated
    /// here: callers check `MarketConfiguration.validationProblems()` first (an invalid one does
    /// not trap, but its behaviour is unspecified).
    public init(configuration: MarketConfiguration, seed: UInt64) {
        self.configuration = configuration
        self.seed = seed
        specs = configuration.instruments
        instrumentCount = configuration.instruments.count
        tickLotValues = configuration.instruments.map(\.tickLotValue)
        maxOpenOrdersPerAccount = configuration.maxOpenOrdersPerAccount
        recentTradesKept = configuration.recentTradesKept
        books = Array(repeating: OrderBook(), count: configuration.instruments.count)
        ledger = Ledger(instrumentCount: configuration.instruments.count)
        openInterest = Array(repeating: 0, count: configuration.instruments.count)
        let background = BackgroundMarket(
            instruments: (0..<configuration.instruments.count).map(configuration.background(of:)), seed: seed,
            tickMilliseconds: configuration.tickMilliseconds, firstHouseAccount: 1)
        markets = (0..<configuration.instruments.count).map { index in
            let price = background.price(index)
            var market = InstrumentMarket(price: price.index.ticks)
            market.pinnedMark = price.mark?.ticks
            market.pinnedFunding = price.fundingRate?.units
            if let mark = price.mark { market.mark = mark.ticks }
            if let rate = price.fundingRate { market.fundingRate = rate.units }
            return market
        }
        self.background = background
        firstBotAccount = AccountID(UInt32(1 + background.houseAccountCount))
        for i in 0..<instrumentCount where self.markets[i].pinnedFunding == nil {
            self.markets[i].fundingRate = predictedFundingRate(i)
        }
        _ = openAccount(kind: .fund, deposit: configuration.insuranceFundInitial.units)
        for _ in 0..<background.houseAccountCount {
            _ = openAccount(kind: .house, deposit: configuration.background.houseDeposit.units)
        }
    }

    /// Applies one command within the current tick and returns the events it caused.
    public mutating func apply(_ command: MarketCommand) -> [MarketEvent] {
        var events: [MarketEvent] = []
        apply(command, into: &events)
        return events
    }

    /// Applies one command, appending its events to `events` (no allocation when the buffer
    /// has capacity; the hot path for replays and benchmarks).
    public mutating func apply(_ command: MarketCommand, into events: inout [MarketEvent]) {
        swap(&pending, &events)
        if !liquidatedInCommand.isEmpty { liquidatedInCommand.removeAll(keepingCapacity: true) }
        process(command)
        swap(&pending, &events)
    }

    /// Closes the current tick: price process, background agents, index/mark, funding,
    /// liquidation and ADL, insurance-fund unwind; then `tick += 1`.
    public mutating func advance() -> [MarketEvent] {
        var events: [MarketEvent] = []
        advance(into: &events)
        return events
    }

    /// `advance()` appending into a caller-owned buffer.
    public mutating func advance(into events: inout [MarketEvent]) {
        swap(&pending, &events)
        if !liquidatedInCommand.isEmpty { liquidatedInCommand.removeAll(keepingCapacity: true) }
        endOfTick()
        swap(&pending, &events)
    }

    // MARK: - Small shared helpers

    @inline(__always) func positionIndex(_ account: Int, _ instrument: Int) -> Int {
        account * instrumentCount + instrument
    }

    @inline(__always) func tickLotValue(_ instrument: Int) -> Int64 { tickLotValues[instrument] }

    /// Money value of `lots` at `ticks` (exact; products fit Int64 for realistic sizes).
    @inline(__always) func notional(_ instrument: Int, ticks: Int64, lots: Int64) -> Int64 {
        let tickLotValue = tickLotValues[instrument]
        let (partial, overflow1) = ticks.multipliedReportingOverflow(by: lots)
        let (product, overflow2) = partial.multipliedReportingOverflow(by: tickLotValue)
        if !overflow1 && !overflow2 { return product }
        return WideMath.clamp(Int128(ticks) * Int128(lots) * Int128(tickLotValue))
    }

    mutating func openAccount(kind: AccountKind, deposit: Int64) -> AccountID {
        let id = AccountID(UInt32(accounts.count))
        accounts.append(AccountState(kind: kind))
        ledger.openAccount(deposit: deposit)
        for spec in specs {
            positions.append(PositionState(leverage: max(1, min(Self.defaultLeverage, spec.maxLeverage))))
        }
        return id
    }

    /// Leverage of a fresh position.
    public static let defaultLeverage: Int64 = 20
}
