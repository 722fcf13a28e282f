import DequeModule
public import MarketModel

extension Exchange {
    /// Aggregated depth, best first, at most `depth` levels per side.
    public func book(_ instrument: InstrumentID, depth: Int) -> BookSnapshot {
        let i = Int(instrument.rawValue)
        guard i < instrumentCount else { return BookSnapshot(instrument: instrument, bids: [], asks: []) }
        func levels(_ side: BookSide, bids: Bool) -> [BookLevel] {
            var result: [BookLevel] = []
            var index = side.levels.count - 1
            while index >= 0, result.count < max(0, depth) {
                let level = side.levels[index]
                result.append(
                    BookLevel(
                        price: Price(ticks: bids ? level.key : -level.key), quantity: Quantity(lots: level.quantity)))
                index -= 1
            }
            return result
        }
        return BookSnapshot(
            instrument: instrument, bids: levels(books[i].bids, bids: true),
            asks: levels(books[i].asks, bids: false))
    }

    /// Index, mark, last, funding and statistics of one instrument (all zero for an unknown id).
    public func market(_ instrument: InstrumentID) -> MarketSnapshot {
        let i = Int(instrument.rawValue)
        guard i < instrumentCount else {
            return MarketSnapshot(
                instrument: instrument, tick: tick, index: Price(ticks: 0), mark: Price(ticks: 0), last: nil,
                bestBid: nil, bestAsk: nil, fundingRate: .zero, lastFundingRate: .zero, nextFundingTick: tick,
                openInterest: .zero, volume: .zero, recentTrades: [])
        }
        let market = markets[i]
        let openInterest = self.openInterest[i]
        let interval = max(1, specs[i].fundingIntervalTicks)
        var snapshot = MarketSnapshot(
            instrument: instrument, tick: tick, index: Price(ticks: market.index), mark: Price(ticks: market.mark),
            last: market.last > 0 ? Price(ticks: market.last) : nil, bestBid: books[i].bestBid.map { Price(ticks: $0) },
            bestAsk: books[i].bestAsk.map { Price(ticks: $0) }, fundingRate: Rate(units: market.fundingRate),
            lastFundingRate: Rate(units: market.lastFundingRate), nextFundingTick: (tick / interval + 1) * interval,
            openInterest: Quantity(lots: openInterest), volume: Quantity(lots: market.volume),
            recentTrades: Array(market.recentTrades))
        snapshot.tradesLastTick = Int(market.tradesLastTick)
        return snapshot
    }

    /// Insurance-fund balance.
    public var insuranceFundBalance: Money { Money(units: ledger.fund) }

    /// Number of accounts, including house accounts.
    public var accountCount: Int { accounts.count }

    /// An account valued at mark; `nil` for an unknown id.
    public func account(_ id: AccountID) -> AccountSnapshot? {
        let a = Int(id.rawValue)
        guard a < accounts.count else { return nil }
        var balance = ledger.wallets[a]
        var unrealizedTotal: Int64 = 0
        var maintenanceTotal: Int64 = 0
        var initialTotal: Int64 = 0
        var fees: Int64 = 0
        var funding: Int64 = 0
        var realized: Int64 = 0
        var list: [PositionSnapshot] = []
        for i in 0..<instrumentCount {
            let position = positions[positionIndex(a, i)]
            balance += ledger.isolatedMargins[positionIndex(a, i)]
            fees += position.fees
            funding += position.funding
            realized += position.realized
            initialTotal += initialMargin(position, instrument: i)
            guard position.size != 0 else { continue }
            let pnl = unrealized(position, i)
            let mm = maintenance(position, i)
            unrealizedTotal += pnl
            maintenanceTotal += mm
            list.append(positionSnapshot(a, i, unrealizedPnL: pnl, maintenance: mm))
        }
        let (crossEquity, required) = crossEquityAndRequirement(a, overriding: nil)
        return AccountSnapshot(
            account: id, balance: Money(units: balance), crossWallet: Money(units: ledger.wallets[a]),
            equity: Money(units: balance + unrealizedTotal), availableBalance: Money(units: crossEquity - required),
            initialMargin: Money(units: initialTotal), maintenanceMargin: Money(units: maintenanceTotal),
            unrealizedPnL: Money(units: unrealizedTotal), deposits: Money(units: ledger.deposits[a]),
            positions: list, openOrders: openOrders(a), feesPaid: Money(units: fees),
            fundingPaid: Money(units: -funding), realizedPnL: Money(units: realized),
            isHouse: accounts[a].kind != .bot)
    }

    func positionSnapshot(_ a: Int, _ i: Int, unrealizedPnL: Int64, maintenance: Int64) -> PositionSnapshot {
        let position = positions[positionIndex(a, i)]
        let lots = abs(position.size)
        let entryTicks = WideMath.mulDiv(position.entryValue, 1, max(1, lots * tickLotValue(i)), .nearest)
        return PositionSnapshot(
            instrument: InstrumentID(UInt16(i)), size: Quantity(lots: position.size),
            entryValue: Money(units: position.entryValue), entryPrice: Price(ticks: entryTicks),
            markPrice: Price(ticks: markets[i].mark), unrealizedPnL: Money(units: unrealizedPnL),
            liquidationPrice: liquidationPrice(a, i)?.ticks.map { Price(ticks: $0) },
            bankruptcyPrice: bankruptcyPrice(a, i)?.ticks.map { Price(ticks: $0) },
            marginMode: position.isolated ? .isolated : .cross, leverage: position.leverage,
            isolatedMargin: Money(units: ledger.isolatedMargins[positionIndex(a, i)]),
            initialMargin: Money(units: initialMargin(position, instrument: i)),
            maintenanceMargin: Money(units: maintenance), fees: Money(units: position.fees),
            funding: Money(units: position.funding), realizedPnL: Money(units: position.realized))
    }

    /// Resting orders of an account, by order id (its own list: O(own orders), no book walk).
    func openOrders(_ a: Int) -> [OrderSnapshot] {
        guard accounts[a].openOrders > 0 else { return [] }
        var list: [OrderSnapshot] = []
        list.reserveCapacity(Int(accounts[a].openOrders))
        var slot = accounts[a].firstOrder
        while slot >= 0 {
            let order = orders[Int(slot)]
            list.append(
                OrderSnapshot(
                    order: OrderID(order.id), instrument: InstrumentID(order.instrument), side: order.side,
                    price: Price(ticks: order.price), remaining: Quantity(lots: order.remaining),
                    original: Quantity(lots: order.original), timeInForce: order.timeInForce,
                    reduceOnly: order.reduceOnly, clientTag: order.clientTag, placedTick: order.placedTick))
            slot = orderLinks[Int(slot)].next
        }
        return list
    }

    /// Resting orders of an account on one instrument (0 for an unknown id), without building
    /// snapshots.
    public func openOrderCount(_ account: AccountID, instrument: InstrumentID) -> Int {
        let a = Int(account.rawValue)
        let i = Int(instrument.rawValue)
        guard a < accounts.count, i < instrumentCount else { return 0 }
        return Int(positions[positionIndex(a, i)].openOrders)
    }

    /// Equity at mark (cross wallet + isolated margins + unrealised PnL): the same value as
    /// `account(_:)?.equity` without building position and order snapshots; `nil` for an
    /// unknown id.
    public func equity(of id: AccountID) -> Money? {
        let a = Int(id.rawValue)
        guard a < accounts.count else { return nil }
        var equity = ledger.wallets[a]
        let base = positionIndex(a, 0)
        for i in 0..<instrumentCount {
            equity += ledger.isolatedMargins[base + i] + unrealized(positions[base + i], i)
        }
        return Money(units: equity)
    }

    /// Exact liquidation and bankruptcy prices (money per coin, 1e-8 USDT, rounded to nearest) for
    /// reports that need more precision than the tick.
    public func exactPrices(_ account: AccountID, _ instrument: InstrumentID) -> (
        liquidation: Money?, bankruptcy: Money?
    ) {
        let a = Int(account.rawValue)
        let i = Int(instrument.rawValue)
        guard a < accounts.count, i < instrumentCount else { return (nil, nil) }
        func money(_ value: (ticks: Int64?, numerator: Int128, denominator: Int128)?) -> Money? {
            guard let value, value.denominator != 0 else { return nil }
            let units = WideMath.divide(value.numerator * Int128(specs[i].tickSize.units), value.denominator, .nearest)
            return units > 0 ? Money(units: WideMath.clamp(units)) : nil
        }
        return (money(liquidationPrice(a, i)), money(bankruptcyPrice(a, i)))
    }
}
