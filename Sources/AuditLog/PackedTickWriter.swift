import MarketModel

/// Writes tick records in the version-2 packed form (docs/AUDIT.md, "Packed tick records"):
/// every field goes to its ``PackedColumn``, most of them as the difference from what a
/// ``PackedTickModel`` predicts (the next order id, the live order a cancellation names, the
/// maker order's price, the account a bot's command names ...). Deterministic: the same records
/// give the same bytes. ``PackedTickReader`` reads it back into the same records.
struct PackedTickWriter {
    private var columns = PackedColumn.allCases.map { _ in CanonicalWriter(capacity: 1 << 14) }
    private var model = PackedTickModel()
    /// Records written.
    private(set) var count = 0

    /// Uncompressed bytes so far.
    var byteCount: Int { columns.reduce(0) { $0 + $1.bytes.count } }

    /// Appends one record.
    mutating func append(_ record: TickRecord) {
        count += 1
        model.begin()
        signed(.misc, record.tick &- model.previousTick &- 1)
        model.previousTick = record.tick
        unsigned(.kind, UInt64(record.inputs.count))
        for input in record.inputs { write(input) }
        unsigned(.kind, UInt64(record.events.count))
        for event in record.events { write(event) }
    }

    /// The packed frame's payload: record count, each column's length, then the columns.
    func payload() -> [UInt8] {
        var writer = CanonicalWriter(capacity: byteCount + 64)
        writer.write(unsigned: UInt64(count))
        for column in columns { writer.write(unsigned: UInt64(column.bytes.count)) }
        for column in columns { writer.write(raw: column.bytes) }
        return writer.bytes
    }

    // MARK: Inputs

    private mutating func write(_ input: TickInput) {
        guard case .command(let origin, let command) = input else {
            byte(.kind, PackedTickCodes.otherInput)
            columns[PackedColumn.misc.rawValue].write(input)
            return
        }
        var code: UInt8
        var account: AccountID?
        switch command {
        case .placeOrder(let request): (code, account) = (PackedTickCodes.placeOrder, request.account)
        case .cancelAll(let owner, _): (code, account) = (PackedTickCodes.cancelAll, owner)
        case .cancelOrder(let owner, _, _): (code, account) = (PackedTickCodes.cancelOrder, owner)
        default: code = PackedTickCodes.otherCommand
        }
        switch origin {
        case .bot: break
        case .system: code |= 0x10
        case .house: code |= 0x20
        }
        let sameOrigin = origin == model.previousOrigin
        if sameOrigin { code |= PackedTickCodes.sameOrigin }
        let predicted = account != nil && account == model.predictedAccount(origin)
        if predicted { code |= PackedTickCodes.predictedAccount }
        byte(.kind, code)
        if !sameOrigin, let slot = origin.slot { unsigned(.slot, UInt64(slot)) }
        if let account, !predicted { unsigned(.account, UInt64(account.rawValue)) }
        switch command {
        case .placeOrder(let request): writeRequest(request)
        case .cancelAll(_, let instrument): unsigned(.misc, instrument.map { UInt64($0.rawValue) + 1 } ?? 0)
        case .cancelOrder(_, let instrument, let order):
            unsigned(.misc, UInt64(instrument.rawValue))
            difference(.acceptedOrder, order.rawValue, from: model.nextOrderID)
        default: columns[PackedColumn.misc.rawValue].write(command)
        }
        model.observe(origin: origin, command: command)
    }

    /// A request without its account (written by the caller): flags, instrument, price,
    /// quantity and client tag, the last three against the account's previous order on that side.
    private mutating func writeRequest(_ request: OrderRequest) {
        byte(.kind, PackedTickModel.flags(request))
        unsigned(.misc, UInt64(request.instrument.rawValue))
        let key = PackedTickModel.key(request)
        let predicted = model.predicted(key)
        if let price = request.price { signed(.price, price.ticks &- predicted.price) }
        signed(.quantity, request.quantity.lots &- predicted.quantity)
        difference(.tag, request.clientTag, from: model.predictedTag(request.account))
    }

    // MARK: Events

    private mutating func write(_ event: MarketEvent) {
        switch event {
        case .orderAccepted(let order, let request):
            let reference = model.referenceIndex(request)
            if let reference {
                byte(.kind, PackedTickCodes.acceptedReference)
                difference(.acceptedOrder, order.rawValue, from: model.nextOrderID)
                unsigned(.misc, UInt64(reference - model.nextRequest))
            } else {
                let same = request.account == model.lastUnreferencedAccount
                byte(.kind, same ? PackedTickCodes.acceptedSameAccount : PackedTickCodes.accepted)
                if !same { unsigned(.account, UInt64(request.account.rawValue)) }
                difference(.acceptedOrder, order.rawValue, from: model.nextOrderID)
                writeRequest(request)
            }
            model.observeAccepted(order, request, reference: reference)
        case .orderCancelled(let account, let instrument, let order, let clientTag, let remaining, let reason):
            let predicted = model.predictCancel()
            if model.isPredicted(
                account: account, instrument: instrument, order: order, clientTag: clientTag, remaining: remaining)
            {
                if predicted == order.rawValue {
                    byte(.kind, PackedTickCodes.cancelledPredicted)
                } else if model.firstLive(of: account, on: nil) == order.rawValue {
                    byte(.kind, PackedTickCodes.cancelledFirstOf)
                    unsigned(.account, UInt64(account.rawValue))
                } else {
                    byte(.kind, PackedTickCodes.cancelledLive)
                    difference(.cancelledOrder, order.rawValue, from: model.lastCancelID &+ 1)
                }
                ReasonCodes.cancel.write(reason, into: &columns[PackedColumn.misc.rawValue])
            } else {
                literal(event)
            }
            model.observeCancelled(order, account)
        case .trade(let trade):
            let maker = model.makerPredicted(trade)
            let taker = model.takerPredicted(trade)
            byte(.kind, PackedTickCodes.trade | (maker ? 1 : 0) | (taker ? 2 : 0))
            difference(.makerOrder, trade.makerOrder.rawValue, from: model.lastMaker)
            if !maker {
                unsigned(.misc, UInt64(trade.instrument.rawValue))
                signed(.marketPrice, trade.price.ticks &- model.instrument(trade.instrument.rawValue).price)
                byte(.misc, trade.takerSide == .sell ? 1 : 0)
                unsigned(.account, UInt64(trade.makerAccount.rawValue))
            }
            signed(.quantity, trade.quantity.lots)
            let fees = model.predictedFees(price: trade.price, quantity: trade.quantity)
            signed(.fee, trade.makerFee.units &- fees.maker)
            signed(.fee, trade.takerFee.units &- fees.taker)
            difference(.takerOrder, trade.takerOrder.rawValue, from: model.nextOrderID &- 1)
            if !taker { unsigned(.account, UInt64(trade.takerAccount.rawValue)) }
            model.observe(trade)
        case .realizedPnL(let account, let instrument, let amount):
            let same = account == model.predictedPnLAccount
            byte(.kind, same ? PackedTickCodes.pnlPredicted : PackedTickCodes.pnl)
            if !same { unsigned(.account, UInt64(account.rawValue)) }
            unsigned(.misc, UInt64(instrument.rawValue))
            signed(.amount, amount.units)
            model.observePnL(account)
        case .priceUpdate(let instrument, let index, let mark, let rate):
            let id = instrument.rawValue
            byte(.kind, PackedTickCodes.priceUpdate)
            unsigned(.misc, UInt64(id))
            let last = model.instrument(id)
            signed(.marketPrice, index.ticks &- last.index)
            signed(.marketPrice, (mark.ticks &- index.ticks) &- (last.mark &- last.index))
            signed(.misc, rate.units &- last.rate)
            model.observePrice(instrument, index: index, mark: mark, rate: rate)
        default:
            literal(event)
        }
    }

    private mutating func literal(_ event: MarketEvent) {
        byte(.kind, PackedTickCodes.literalEvent)
        columns[PackedColumn.misc.rawValue].write(event)
    }

    // MARK: Columns

    private mutating func byte(_ column: PackedColumn, _ value: UInt8) { columns[column.rawValue].write(byte: value) }

    private mutating func unsigned(_ column: PackedColumn, _ value: UInt64) {
        columns[column.rawValue].write(unsigned: value)
    }

    private mutating func signed(_ column: PackedColumn, _ value: Int64) {
        columns[column.rawValue].write(signed: value)
    }

    private mutating func difference(_ column: PackedColumn, _ value: UInt64, from predicted: UInt64) {
        signed(column, Int64(bitPattern: value &- predicted))
    }
}
