import BotProtocol
import MarketEngine
import MarketModel

/// Builds each bot's per-tick observation from the engine's state and the events that concern
/// its account since the previous observation.
struct ObservationBuilder {
    let instruments: [InstrumentSpec]
    let bookDepth: Int

    func hello(contestId: String, team: String, limits: ProtocolLimits, startingBalance: Money, ticks: Int) -> Hello {
        Hello(
            protocolVersion: 1, contestID: contestId, team: team,
            instruments: instruments.map {
                InstrumentInfo(
                    symbol: $0.symbol, tickSize: $0.tickSize.decimal,
                    lotSize: $0.decimal(Quantity(lots: 1)), minNotional: $0.minNotional.decimal,
                    maxLeverage: Int($0.maxLeverage), makerFee: $0.makerFee.decimal,
                    takerFee: $0.takerFee.decimal)
            },
            limits: limits, startingBalance: startingBalance.decimal, ticksTotal: ticks)
    }

    /// Market views are the same for every bot in a tick; build them once.
    func markets(_ exchange: Exchange) -> [BotProtocol.MarketView] {
        instruments.indices.map { offset in
            let id = InstrumentID(UInt16(offset))
            let spec = instruments[offset]
            let market = exchange.market(id)
            let book = exchange.book(id, depth: bookDepth)
            // Observations are taken between ticks: the trades not yet seen are the last tick's.
            let recent = market.tradesOfLastTick()
            return BotProtocol.MarketView(
                symbol: spec.symbol, mark: spec.decimal(market.mark), index: spec.decimal(market.index),
                last: market.last.map(spec.decimal), fundingRate: market.fundingRate.decimal,
                nextFundingTick: market.nextFundingTick, openInterest: spec.decimal(market.openInterest),
                volume: spec.decimal(market.volume),
                bids: book.bids.map {
                    BotProtocol.BookLevel(price: spec.decimal($0.price), quantity: spec.decimal($0.quantity))
                },
                asks: book.asks.map {
                    BotProtocol.BookLevel(price: spec.decimal($0.price), quantity: spec.decimal($0.quantity))
                },
                trades: recent.trades.map {
                    TradeView(price: spec.decimal($0.price), quantity: spec.decimal($0.quantity), side: $0.takerSide)
                }, tradesTruncated: recent.truncated)
        }
    }

    func observation(
        tick: Int64, timeMs: Int64, markets: [BotProtocol.MarketView], exchange: Exchange,
        account: AccountID, events: [MarketEvent], boundaryRejections: [RejectionView]
    ) -> Observation {
        Observation(
            tick: tick, timeMs: timeMs, markets: markets,
            account: accountView(
                exchange.account(account), account, events: events, boundaryRejections: boundaryRejections))
    }

    /// Maintenance margin over equity (one when equity is not positive): the observation's
    /// `margin_ratio` and the rules input's `marginRatio`.
    static func marginRatio(_ snapshot: AccountSnapshot) -> Rate {
        snapshot.equity.units > 0
            ? Rate(
                units: Int64(
                    Int128(snapshot.maintenanceMargin.units) * Int128(Rate.one.units) / Int128(snapshot.equity.units)))
            : Rate.one
    }

    /// The account part of an observation, from the account's snapshot this tick (taken once
    /// per tick and shared with the equity curve).
    func accountView(
        _ snapshot: AccountSnapshot?, _ account: AccountID, events: [MarketEvent],
        boundaryRejections: [RejectionView]
    ) -> AccountView {
        guard let snapshot else {
            return AccountView(
                balance: "0", equity: "0", available: "0", marginRatio: "0", positions: [],
                openOrders: [], fills: [], rejections: boundaryRejections, events: [])
        }
        let ratio = Self.marginRatio(snapshot)
        var fills: [FillView] = []
        var rejections = boundaryRejections
        var notes: [AccountEventView] = []
        for event in events {
            switch event {
            case .trade(let trade):
                let spec = instruments[Int(trade.instrument.rawValue)]
                if trade.makerAccount == account {
                    fills.append(
                        FillView(
                            orderID: trade.makerOrder.rawValue, clientID: nil, symbol: spec.symbol,
                            side: trade.takerSide.opposite, price: spec.decimal(trade.price),
                            quantity: spec.decimal(trade.quantity), fee: trade.makerFee.decimal, liquidity: "maker"))
                }
                if trade.takerAccount == account {
                    fills.append(
                        FillView(
                            orderID: trade.takerOrder.rawValue, clientID: nil, symbol: spec.symbol,
                            side: trade.takerSide, price: spec.decimal(trade.price),
                            quantity: spec.decimal(trade.quantity), fee: trade.takerFee.decimal, liquidity: "taker"))
                }
            case .orderRejected(_, let tag, let reason):
                rejections.append(RejectionView(clientID: tag == 0 ? nil : tag, reason: reason.rawValue))
            case .orderCancelled(_, let instrument, let order, _, let remaining, let reason):
                let spec = instruments[Int(instrument.rawValue)]
                notes.append(
                    AccountEventView(
                        kind: "cancelled", symbol: spec.symbol, amount: spec.decimal(remaining),
                        orderID: order.rawValue, detail: reason.rawValue))
            case .funding(_, let instrument, let rate, let amount):
                notes.append(
                    AccountEventView(
                        kind: "funding", symbol: instruments[Int(instrument.rawValue)].symbol,
                        amount: amount.decimal, detail: "rate \(rate.decimal)"))
            case .liquidation(_, let instrument, let quantity, let price, _, _):
                let spec = instruments[Int(instrument.rawValue)]
                notes.append(
                    AccountEventView(
                        kind: "liquidation", symbol: spec.symbol, amount: spec.decimal(quantity),
                        detail: "bankruptcy price \(spec.decimal(price))"))
            case .autoDeleverage(_, let instrument, let quantity, let price):
                let spec = instruments[Int(instrument.rawValue)]
                notes.append(
                    AccountEventView(
                        kind: "adl", symbol: spec.symbol, amount: spec.decimal(quantity),
                        detail: "at \(spec.decimal(price))"))
            default:
                break
            }
        }
        return AccountView(
            balance: snapshot.balance.decimal, equity: snapshot.equity.decimal,
            available: snapshot.availableBalance.decimal, marginRatio: ratio.decimal,
            positions: snapshot.positions.map { position in
                let spec = instruments[Int(position.instrument.rawValue)]
                let sign = position.size.lots < 0 ? "-" : ""
                return PositionView(
                    symbol: spec.symbol,
                    size: sign
                        + spec.decimal(
                            Quantity(lots: position.size.lots.magnitude == 0 ? 0 : Int64(position.size.lots.magnitude))),
                    entryPrice: spec.decimal(position.entryPrice), unrealizedPnL: position.unrealizedPnL.decimal,
                    liquidationPrice: position.liquidationPrice.map(spec.decimal),
                    leverage: Int(position.leverage), marginMode: position.marginMode)
            },
            openOrders: snapshot.openOrders.map { order in
                let spec = instruments[Int(order.instrument.rawValue)]
                return OpenOrderView(
                    orderID: order.order.rawValue, clientID: order.clientTag == 0 ? nil : order.clientTag,
                    symbol: spec.symbol, side: order.side, price: spec.decimal(order.price),
                    remaining: spec.decimal(order.remaining))
            },
            fills: fills, rejections: rejections, events: notes)
    }
}
