import MarketModel

/// Reads the records ``PackedTickWriter`` wrote, one at a time, keeping the same
/// ``PackedTickModel``. Input that does not follow the format (a truncated or changed column,
/// an unknown kind, a reference to an order the model does not know) throws a
/// ``TranscriptError``; nothing in it can trap.
struct PackedTickReader {
    private var columns: [CanonicalReader]
    private var model = PackedTickModel()
    /// Records not read yet.
    private(set) var remaining: Int

    /// Opens the packed frame's payload at `body[range]`.
    init(_ body: [UInt8], range: Range<Int>) throws(TranscriptError) {
        var reader = CanonicalReader(body, range: range)
        let count = try reader.readUnsigned()
        var lengths: [Int] = []
        for _ in PackedColumn.allCases { lengths.append(try reader.readCount()) }
        var columns: [CanonicalReader] = []
        for length in lengths { columns.append(CanonicalReader(body, range: try reader.skip(count: length))) }
        try reader.expectEnd("the packed tick columns")
        guard count <= UInt64(columns[PackedColumn.kind.rawValue].remaining) else {
            throw TranscriptError(.malformed, "\(count) packed tick records cannot fit their kind column")
        }
        self.columns = columns
        remaining = Int(count)
    }

    /// The next record, or `nil` after the last one (when every column must be used up).
    mutating func next() throws(TranscriptError) -> TickRecord? {
        guard remaining > 0 else {
            for column in PackedColumn.allCases {
                try columns[column.rawValue].expectEnd("the packed \(column) column")
            }
            return nil
        }
        remaining -= 1
        model.begin()
        let tick = model.previousTick &+ 1 &+ (try signed(.misc))
        model.previousTick = tick
        let inputCount = try columns[PackedColumn.kind.rawValue].readCount()
        var inputs: [TickInput] = []
        guard inputCount <= TranscriptFormat.maximumRecordInputs else {
            throw malformed("\(inputCount) inputs in one record (at most \(TranscriptFormat.maximumRecordInputs))")
        }
        inputs.reserveCapacity(min(inputCount, 4096))
        for _ in 0..<inputCount { inputs.append(try readInput()) }
        let eventCount = try columns[PackedColumn.kind.rawValue].readCount()
        var events: [MarketEvent] = []
        guard eventCount <= TranscriptFormat.maximumRecordEvents else {
            throw malformed("\(eventCount) events in one record (at most \(TranscriptFormat.maximumRecordEvents))")
        }
        events.reserveCapacity(min(eventCount, 4096))
        for _ in 0..<eventCount { events.append(try readEvent()) }
        return TickRecord(tick: tick, inputs: inputs, events: events)
    }

    // MARK: Inputs

    private mutating func readInput() throws(TranscriptError) -> TickInput {
        let code = try byte(.kind)
        let kind = code & 0x0F
        if kind == PackedTickCodes.otherInput {
            guard code == kind else { throw malformed("flags on a non-command input") }
            let input = try columns[PackedColumn.misc.rawValue].readInput()
            guard input.command == nil else { throw malformed("a command written as a non-command input") }
            return input
        }
        guard kind <= PackedTickCodes.otherCommand else { throw malformed("unknown input kind \(code)") }
        let origin: InputOrigin
        if code & PackedTickCodes.sameOrigin != 0 {
            guard let previous = model.previousOrigin else { throw malformed("no previous origin to repeat") }
            origin = previous
        } else {
            switch (code >> 4) & 3 {
            case 0: origin = .bot(slot: try unsigned(.slot, as: UInt32.self))
            case 1: origin = .system(slot: try unsigned(.slot, as: UInt32.self))
            case 2: origin = .house
            default: throw malformed("unknown origin in input kind \(code)")
            }
        }
        let predicted = code & PackedTickCodes.predictedAccount != 0
        func account() throws(TranscriptError) -> AccountID {
            if predicted {
                guard let account = model.predictedAccount(origin) else {
                    throw malformed("no account to predict for \(origin)")
                }
                return account
            }
            return AccountID(try unsigned(.account, as: UInt32.self))
        }
        let command: MarketCommand
        switch kind {
        case PackedTickCodes.placeOrder:
            command = .placeOrder(try readRequest(account: try account()))
        case PackedTickCodes.cancelAll:
            let owner = try account()
            let instrument = try unsigned(.misc)
            guard instrument <= UInt64(UInt16.max) + 1 else { throw malformed("instrument \(instrument) out of range") }
            command = .cancelAll(
                account: owner, instrument: instrument == 0 ? nil : InstrumentID(UInt16(instrument - 1)))
        case PackedTickCodes.cancelOrder:
            let owner = try account()
            let instrument = InstrumentID(try unsigned(.misc, as: UInt16.self))
            command = .cancelOrder(
                account: owner, instrument: instrument,
                order: OrderID(try difference(.acceptedOrder, from: model.nextOrderID)))
        default:
            guard !predicted else { throw malformed("an account flag on a command written in full") }
            command = try columns[PackedColumn.misc.rawValue].readCommand()
        }
        model.observe(origin: origin, command: command)
        return .command(origin: origin, command)
    }

    private mutating func readRequest(account: AccountID) throws(TranscriptError) -> OrderRequest {
        let flags = try byte(.kind)
        guard flags & 0xC0 == 0 else { throw malformed("unknown order flags \(flags)") }
        let instrument = InstrumentID(try unsigned(.misc, as: UInt16.self))
        let side: Side = flags & 1 == 0 ? .buy : .sell
        let key = PackedTickModel.SideKey(
            account: account.rawValue, instrument: instrument.rawValue, sell: side == .sell)
        let predicted = model.predicted(key)
        let price: Price? = flags & 32 != 0 ? Price(ticks: predicted.price &+ (try signed(.price))) : nil
        let quantity = Quantity(lots: predicted.quantity &+ (try signed(.quantity)))
        let tag = try difference(.tag, from: model.predictedTag(account))
        return OrderRequest(
            account: account, instrument: instrument, side: side, kind: flags & 2 == 0 ? .limit : .market,
            price: price, quantity: quantity, timeInForce: PackedTickModel.timesInForce[Int((flags >> 2) & 3)],
            reduceOnly: flags & 16 != 0, clientTag: tag)
    }

    // MARK: Events

    private mutating func readEvent() throws(TranscriptError) -> MarketEvent {
        let code = try byte(.kind)
        switch code {
        case PackedTickCodes.literalEvent:
            let event = try columns[PackedColumn.misc.rawValue].readEvent()
            switch event {
            case .orderAccepted, .trade, .realizedPnL, .priceUpdate:
                throw malformed("a \(Self.name(event)) written in full")
            case .orderCancelled(let account, _, let order, _, _, _):
                _ = model.predictCancel()
                model.observeCancelled(order, account)
            default: break
            }
            return event
        case PackedTickCodes.acceptedReference:
            let order = OrderID(try difference(.acceptedOrder, from: model.nextOrderID))
            let skip = try unsigned(.misc)
            guard skip < UInt64(model.requests.count - model.nextRequest) else {
                throw malformed("order reference past the record's placeOrder commands")
            }
            let index = model.nextRequest + Int(skip)
            let request = model.requests[index]
            model.observeAccepted(order, request, reference: index)
            return .orderAccepted(order: order, request: request)
        case PackedTickCodes.acceptedSameAccount, PackedTickCodes.accepted:
            let account: AccountID
            if code == PackedTickCodes.accepted {
                account = AccountID(try unsigned(.account, as: UInt32.self))
            } else {
                guard let previous = model.lastUnreferencedAccount else { throw malformed("no previous account") }
                account = previous
            }
            let order = OrderID(try difference(.acceptedOrder, from: model.nextOrderID))
            let request = try readRequest(account: account)
            model.observeAccepted(order, request, reference: nil)
            return .orderAccepted(order: order, request: request)
        case PackedTickCodes.cancelledPredicted, PackedTickCodes.cancelledLive, PackedTickCodes.cancelledFirstOf:
            let predicted = model.predictCancel()
            let id: UInt64
            switch code {
            case PackedTickCodes.cancelledPredicted:
                guard let predicted else { throw malformed("no live order to cancel") }
                id = predicted
            case PackedTickCodes.cancelledFirstOf:
                let account = AccountID(try unsigned(.account, as: UInt32.self))
                guard let first = model.firstLive(of: account, on: nil) else {
                    throw malformed("no live order of \(account) to cancel")
                }
                id = first
            default:
                id = try difference(.cancelledOrder, from: model.lastCancelID &+ 1)
            }
            guard let live = model.live[id] else { throw malformed("cancellation of unknown order \(id)") }
            let reason = try ReasonCodes.cancel.read(from: &columns[PackedColumn.misc.rawValue])
            model.observeCancelled(OrderID(id), live.account)
            return .orderCancelled(
                account: live.account, instrument: live.instrument, order: OrderID(id), clientTag: live.clientTag,
                remaining: Quantity(lots: live.remaining), reason: reason)
        case PackedTickCodes.trade...PackedTickCodes.trade + 3:
            return .trade(try readTrade(makerPredicted: code & 1 != 0, takerPredicted: code & 2 != 0))
        case PackedTickCodes.pnlPredicted, PackedTickCodes.pnl:
            let account: AccountID
            if code == PackedTickCodes.pnlPredicted {
                guard let predicted = model.predictedPnLAccount else { throw malformed("no trade account to repeat") }
                account = predicted
            } else {
                account = AccountID(try unsigned(.account, as: UInt32.self))
            }
            let instrument = InstrumentID(try unsigned(.misc, as: UInt16.self))
            let amount = Money(units: try signed(.amount))
            model.observePnL(account)
            return .realizedPnL(account: account, instrument: instrument, amount: amount)
        case PackedTickCodes.priceUpdate:
            let instrument = InstrumentID(try unsigned(.misc, as: UInt16.self))
            let id = instrument.rawValue
            let last = model.instrument(id)
            let index = Price(ticks: last.index &+ (try signed(.marketPrice)))
            let spread = (last.mark &- last.index) &+ (try signed(.marketPrice))
            let mark = Price(ticks: index.ticks &+ spread)
            let rate = Rate(units: last.rate &+ (try signed(.misc)))
            model.observePrice(instrument, index: index, mark: mark, rate: rate)
            return .priceUpdate(instrument: instrument, index: index, mark: mark, fundingRate: rate)
        default:
            throw malformed("unknown event kind \(code)")
        }
    }

    private mutating func readTrade(makerPredicted: Bool, takerPredicted: Bool) throws(TranscriptError) -> Trade {
        let makerOrder = try difference(.makerOrder, from: model.lastMaker)
        let instrument: InstrumentID
        let price: Price
        let takerSide: Side
        let makerAccount: AccountID
        if makerPredicted {
            guard let maker = model.live[makerOrder], let makerPrice = maker.price else {
                throw malformed("trade against unknown maker order \(makerOrder)")
            }
            (instrument, price, takerSide, makerAccount) = (
                maker.instrument, makerPrice, maker.side.opposite, maker.account
            )
        } else {
            instrument = InstrumentID(try unsigned(.misc, as: UInt16.self))
            price = Price(ticks: model.instrument(instrument.rawValue).price &+ (try signed(.marketPrice)))
            takerSide = try columns[PackedColumn.misc.rawValue].readBool() ? .sell : .buy
            makerAccount = AccountID(try unsigned(.account, as: UInt32.self))
        }
        let quantity = Quantity(lots: try signed(.quantity))
        let fees = model.predictedFees(price: price, quantity: quantity)
        let makerFee = Money(units: fees.maker &+ (try signed(.fee)))
        let takerFee = Money(units: fees.taker &+ (try signed(.fee)))
        let takerOrder = try difference(.takerOrder, from: model.nextOrderID &- 1)
        let takerAccount: AccountID
        if takerPredicted {
            guard let taker = model.live[takerOrder] else {
                throw malformed("trade by unknown taker order \(takerOrder)")
            }
            takerAccount = taker.account
        } else {
            takerAccount = AccountID(try unsigned(.account, as: UInt32.self))
        }
        let trade = Trade(
            instrument: instrument, price: price, quantity: quantity, takerSide: takerSide,
            makerAccount: makerAccount, makerOrder: OrderID(makerOrder), makerFee: makerFee,
            takerAccount: takerAccount, takerOrder: OrderID(takerOrder), takerFee: takerFee)
        model.observe(trade)
        return trade
    }

    // MARK: Columns

    private mutating func byte(_ column: PackedColumn) throws(TranscriptError) -> UInt8 {
        try columns[column.rawValue].readByte()
    }

    private mutating func unsigned(_ column: PackedColumn) throws(TranscriptError) -> UInt64 {
        try columns[column.rawValue].readUnsigned()
    }

    private mutating func unsigned<T: FixedWidthInteger>(_ column: PackedColumn, as type: T.Type)
        throws(TranscriptError) -> T
    {
        try columns[column.rawValue].readUnsigned(as: type)
    }

    private mutating func signed(_ column: PackedColumn) throws(TranscriptError) -> Int64 {
        try columns[column.rawValue].readSigned()
    }

    private mutating func difference(_ column: PackedColumn, from predicted: UInt64) throws(TranscriptError) -> UInt64 {
        predicted &+ UInt64(bitPattern: try signed(column))
    }

    private func malformed(_ message: String) -> TranscriptError {
        TranscriptError(.malformed, "packed tick \(model.previousTick): \(message)")
    }

    private static func name(_ event: MarketEvent) -> String {
        String(describing: event).prefix { $0 != "(" }.description
    }
}
