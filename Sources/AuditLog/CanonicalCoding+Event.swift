public import MarketModel

// Canonical encoding of engine events (docs/AUDIT.md, "Events"). Reject and cancel reasons use the
// append-only `ReasonCodes` tables, with a string escape for reasons added later.

extension CanonicalWriter {
    /// Writes an event: one tag byte, then its fields in declaration order.
    public mutating func write(_ event: MarketEvent) {
        switch event {
        case .accountOpened(let account, let deposit):
            write(byte: 0)
            write(account)
            write(signed: deposit.units)
        case .deposited(let account, let amount):
            write(byte: 1)
            write(account)
            write(signed: amount.units)
        case .orderAccepted(let order, let request):
            write(byte: 2)
            write(unsigned: order.rawValue)
            write(request)
        case .orderRejected(let account, let clientTag, let reason):
            write(byte: 3)
            write(account)
            write(unsigned: clientTag)
            ReasonCodes.reject.write(reason, into: &self)
        case .orderCancelled(let account, let instrument, let order, let clientTag, let remaining, let reason):
            write(byte: 4)
            write(account)
            write(instrument)
            write(unsigned: order.rawValue)
            write(unsigned: clientTag)
            write(signed: remaining.lots)
            ReasonCodes.cancel.write(reason, into: &self)
        case .trade(let trade):
            write(byte: 5)
            write(trade)
        case .leverageSet(let account, let instrument, let leverage):
            write(byte: 6)
            write(account)
            write(instrument)
            write(signed: leverage)
        case .marginModeSet(let account, let instrument, let mode):
            write(byte: 7)
            write(account)
            write(instrument)
            write(byte: mode == .cross ? 0 : 1)
        case .priceUpdate(let instrument, let index, let mark, let fundingRate):
            write(byte: 8)
            write(instrument)
            write(signed: index.ticks)
            write(signed: mark.ticks)
            write(signed: fundingRate.units)
        case .funding(let account, let instrument, let rate, let amount):
            write(byte: 9)
            write(account)
            write(instrument)
            write(signed: rate.units)
            write(signed: amount.units)
        case .fundingResidue(let instrument, let amount):
            write(byte: 10)
            write(instrument)
            write(signed: amount.units)
        case .liquidation(
            let account, let instrument, let quantity, let bankruptcyPrice, let bookFilled, let fundTakeover):
            write(byte: 11)
            write(account)
            write(instrument)
            write(signed: quantity.lots)
            write(signed: bankruptcyPrice.ticks)
            write(signed: bookFilled.lots)
            write(signed: fundTakeover.lots)
        case .autoDeleverage(let account, let instrument, let quantity, let price):
            write(byte: 12)
            write(account)
            write(instrument)
            write(signed: quantity.lots)
            write(signed: price.ticks)
        case .insuranceFund(let balance):
            write(byte: 13)
            write(signed: balance.units)
        case .realizedPnL(let account, let instrument, let amount):
            write(byte: 14)
            write(account)
            write(instrument)
            write(signed: amount.units)
        case .commandRejected(let account, let reason):
            write(byte: 15)
            if let account {
                write(byte: 1)
                write(account)
            } else {
                write(byte: 0)
            }
            ReasonCodes.reject.write(reason, into: &self)
        }
    }

    /// Writes a trade in `Trade`'s declaration order.
    public mutating func write(_ trade: Trade) {
        write(trade.instrument)
        write(signed: trade.price.ticks)
        write(signed: trade.quantity.lots)
        write(byte: trade.takerSide == .buy ? 0 : 1)
        write(trade.makerAccount)
        write(unsigned: trade.makerOrder.rawValue)
        write(signed: trade.makerFee.units)
        write(trade.takerAccount)
        write(unsigned: trade.takerOrder.rawValue)
        write(signed: trade.takerFee.units)
    }

    /// Writes an account id.
    public mutating func write(_ account: AccountID) { write(unsigned: UInt64(account.rawValue)) }

    /// Writes an instrument id.
    public mutating func write(_ instrument: InstrumentID) { write(unsigned: UInt64(instrument.rawValue)) }
}

extension CanonicalReader {
    /// Reads an event written by `CanonicalWriter.write(_: MarketEvent)`.
    public mutating func readEvent() throws(TranscriptError) -> MarketEvent {
        let tag = try readByte()
        switch tag {
        case 0: return .accountOpened(account: try readAccount(), deposit: Money(units: try readSigned()))
        case 1: return .deposited(account: try readAccount(), amount: Money(units: try readSigned()))
        case 2: return .orderAccepted(order: OrderID(try readUnsigned()), request: try readOrderRequest())
        case 3:
            return .orderRejected(
                account: try readAccount(), clientTag: try readUnsigned(),
                reason: try ReasonCodes.reject.read(from: &self))
        case 4:
            return .orderCancelled(
                account: try readAccount(), instrument: try readInstrument(), order: OrderID(try readUnsigned()),
                clientTag: try readUnsigned(), remaining: Quantity(lots: try readSigned()),
                reason: try ReasonCodes.cancel.read(from: &self))
        case 5: return .trade(try readTrade())
        case 6:
            return .leverageSet(
                account: try readAccount(), instrument: try readInstrument(), leverage: try readSigned())
        case 7:
            let account = try readAccount()
            let instrument = try readInstrument()
            return .marginModeSet(account: account, instrument: instrument, mode: try readBool() ? .isolated : .cross)
        case 8:
            return .priceUpdate(
                instrument: try readInstrument(), index: Price(ticks: try readSigned()),
                mark: Price(ticks: try readSigned()), fundingRate: Rate(units: try readSigned()))
        case 9:
            return .funding(
                account: try readAccount(), instrument: try readInstrument(), rate: Rate(units: try readSigned()),
                amount: Money(units: try readSigned()))
        case 10: return .fundingResidue(instrument: try readInstrument(), amount: Money(units: try readSigned()))
        case 11:
            return .liquidation(
                account: try readAccount(), instrument: try readInstrument(),
                quantity: Quantity(lots: try readSigned()),
                bankruptcyPrice: Price(ticks: try readSigned()), bookFilled: Quantity(lots: try readSigned()),
                fundTakeover: Quantity(lots: try readSigned()))
        case 12:
            return .autoDeleverage(
                account: try readAccount(), instrument: try readInstrument(),
                quantity: Quantity(lots: try readSigned()),
                price: Price(ticks: try readSigned()))
        case 13: return .insuranceFund(balance: Money(units: try readSigned()))
        case 14:
            return .realizedPnL(
                account: try readAccount(), instrument: try readInstrument(), amount: Money(units: try readSigned()))
        case 15:
            let account: AccountID? = try readBool() ? try readAccount() : nil
            return .commandRejected(account: account, reason: try ReasonCodes.reject.read(from: &self))
        default: throw TranscriptError(.malformed, "unknown event tag \(tag) at byte \(position - 1)")
        }
    }

    /// Reads a trade.
    public mutating func readTrade() throws(TranscriptError) -> Trade {
        let instrument = try readInstrument()
        let price = Price(ticks: try readSigned())
        let quantity = Quantity(lots: try readSigned())
        let takerSide: Side = try readBool() ? .sell : .buy
        return Trade(
            instrument: instrument, price: price, quantity: quantity, takerSide: takerSide,
            makerAccount: try readAccount(), makerOrder: OrderID(try readUnsigned()),
            makerFee: Money(units: try readSigned()),
            takerAccount: try readAccount(), takerOrder: OrderID(try readUnsigned()),
            takerFee: Money(units: try readSigned()))
    }
}
