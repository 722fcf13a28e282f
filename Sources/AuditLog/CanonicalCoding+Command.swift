public import MarketModel

// Canonical encoding of engine commands. Field order and tags are part of the transcript format
// (docs/AUDIT.md, "Commands"); change them only together with `TranscriptFormat.version`.

extension CanonicalWriter {
    /// Writes a command: one tag byte, then its fields in declaration order.
    public mutating func write(_ command: MarketCommand) {
        switch command {
        case .openAccount(let deposit):
            write(byte: 0)
            write(signed: deposit.units)
        case .deposit(let account, let amount):
            write(byte: 1)
            write(unsigned: UInt64(account.rawValue))
            write(signed: amount.units)
        case .placeOrder(let request):
            write(byte: 2)
            write(request)
        case .cancelOrder(let account, let instrument, let order):
            write(byte: 3)
            write(unsigned: UInt64(account.rawValue))
            write(unsigned: UInt64(instrument.rawValue))
            write(unsigned: order.rawValue)
        case .cancelAll(let account, let instrument):
            write(byte: 4)
            write(unsigned: UInt64(account.rawValue))
            if let instrument {
                write(byte: 1)
                write(unsigned: UInt64(instrument.rawValue))
            } else {
                write(byte: 0)
            }
        case .setLeverage(let account, let instrument, let leverage):
            write(byte: 5)
            write(unsigned: UInt64(account.rawValue))
            write(unsigned: UInt64(instrument.rawValue))
            write(signed: leverage)
        case .setMarginMode(let account, let instrument, let mode):
            write(byte: 6)
            write(unsigned: UInt64(account.rawValue))
            write(unsigned: UInt64(instrument.rawValue))
            write(byte: mode == .cross ? 0 : 1)
        case .closeOut(let account):
            write(byte: 7)
            write(unsigned: UInt64(account.rawValue))
        case .setSelfTradeGroup(let account, let group):
            write(byte: 8)
            write(unsigned: UInt64(account.rawValue))
            write(unsigned: UInt64(group))
        }
    }

    /// Writes an order request. Side, kind, time in force, reduce-only and price presence share
    /// one flags byte: bit 0 side (sell), bit 1 kind (market), bits 2–3 time in force
    /// (gtc, ioc, fok, post_only), bit 4 reduce-only, bit 5 price present.
    public mutating func write(_ request: OrderRequest) {
        write(unsigned: UInt64(request.account.rawValue))
        write(unsigned: UInt64(request.instrument.rawValue))
        var flags: UInt8 = request.side == .sell ? 1 : 0
        if request.kind == .market { flags |= 2 }
        switch request.timeInForce {
        case .gtc: break
        case .ioc: flags |= 4
        case .fok: flags |= 8
        case .postOnly: flags |= 12
        }
        if request.reduceOnly { flags |= 16 }
        if request.price != nil { flags |= 32 }
        write(byte: flags)
        if let price = request.price { write(signed: price.ticks) }
        write(signed: request.quantity.lots)
        write(unsigned: request.clientTag)
    }
}

extension CanonicalReader {
    /// Reads a command written by `CanonicalWriter.write(_: MarketCommand)`.
    public mutating func readCommand() throws(TranscriptError) -> MarketCommand {
        let tag = try readByte()
        switch tag {
        case 0: return .openAccount(deposit: Money(units: try readSigned()))
        case 1: return .deposit(account: try readAccount(), amount: Money(units: try readSigned()))
        case 2: return .placeOrder(try readOrderRequest())
        case 3:
            return .cancelOrder(
                account: try readAccount(), instrument: try readInstrument(), order: OrderID(try readUnsigned()))
        case 4:
            let account = try readAccount()
            let instrument: InstrumentID? = try readBool() ? try readInstrument() : nil
            return .cancelAll(account: account, instrument: instrument)
        case 5:
            return .setLeverage(
                account: try readAccount(), instrument: try readInstrument(), leverage: try readSigned())
        case 6:
            let account = try readAccount()
            let instrument = try readInstrument()
            let mode: MarginMode = try readBool() ? .isolated : .cross
            return .setMarginMode(account: account, instrument: instrument, mode: mode)
        case 7: return .closeOut(account: try readAccount())
        case 8:
            return .setSelfTradeGroup(account: try readAccount(), group: try readUnsigned(as: UInt32.self))
        default: throw TranscriptError(.malformed, "unknown command tag \(tag) at byte \(position - 1)")
        }
    }

    /// Reads an order request.
    public mutating func readOrderRequest() throws(TranscriptError) -> OrderRequest {
        let account = try readAccount()
        let instrument = try readInstrument()
        let flags = try readByte()
        guard flags & 0xC0 == 0 else {
            throw TranscriptError(.malformed, "unknown order flags \(flags) at byte \(position - 1)")
        }
        let timeInForce: TimeInForce = [.gtc, .ioc, .fok, .postOnly][Int((flags >> 2) & 3)]
        let price: Price? = flags & 32 != 0 ? Price(ticks: try readSigned()) : nil
        return OrderRequest(
            account: account, instrument: instrument, side: flags & 1 == 0 ? .buy : .sell,
            kind: flags & 2 == 0 ? .limit : .market, price: price, quantity: Quantity(lots: try readSigned()),
            timeInForce: timeInForce, reduceOnly: flags & 16 != 0, clientTag: try readUnsigned())
    }

    /// Reads an account id.
    public mutating func readAccount() throws(TranscriptError) -> AccountID {
        AccountID(try readUnsigned(as: UInt32.self))
    }

    /// Reads an instrument id.
    public mutating func readInstrument() throws(TranscriptError) -> InstrumentID {
        InstrumentID(try readUnsigned(as: UInt16.self))
    }
}
