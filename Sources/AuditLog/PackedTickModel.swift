import MarketModel

/// What the version-2 tick coder (``PackedTickWriter``, ``PackedTickReader``) remembers between
/// values so it can write most fields as a small difference from a prediction (docs/AUDIT.md,
/// "Packed tick records").
///
/// Writer and reader hold one model each and update it with the same calls, in the same order,
/// from decoded values only, so both always predict the same thing. A prediction is only a
/// hint: a wrong one costs bytes, never correctness, because every field can be written in full.
/// All arithmetic on predictions wraps, so hostile input cannot trap.
struct PackedTickModel {
    /// An order the coder believes is resting, from its acceptance.
    struct LiveOrder {
        var account: AccountID
        var instrument: InstrumentID
        var side: Side
        var price: Price?
        var remaining: Int64
        var clientTag: UInt64
    }

    /// What the model remembers per instrument.
    struct InstrumentState {
        var price: Int64 = 0
        var index: Int64 = 0
        var mark: Int64 = 0
        var rate: Int64 = 0
    }

    /// A book side of one account.
    struct SideKey: Hashable {
        var account: UInt32
        var instrument: UInt16
        var sell: Bool
    }

    /// A cancelling command of the current record, in input order.
    enum PendingCancel {
        case all(AccountID, InstrumentID?)
        case one(OrderID)
    }

    var previousTick: Int64 = -1
    var previousOrigin: InputOrigin?
    var slotAccounts = PackedTickTable<AccountID>()
    /// Per book side of an account: the last order's price (if it had one) and quantity.
    var lastOrder: [SideKey: (price: Int64?, quantity: Int64)] = [:]
    /// Per instrument: the last order or trade price, and the last index, mark and funding rate.
    var instruments = PackedTickTable<InstrumentState>()
    var lastTag = PackedTickTable<UInt64>()
    var nextOrderID: UInt64 = 0
    var live: [UInt64: LiveOrder] = [:]
    /// Live order ids per account, ascending (an account keeps its entry once it had an order).
    var accountOrders = PackedTickTable<[UInt64]>()
    var lastCancelID: UInt64 = 0
    var lastCancelAccount: AccountID?
    var lastMaker: UInt64 = 0
    var feeRates: (maker: Int64, taker: Int64) = (0, 0)
    var pnlAccounts: (maker: AccountID, taker: AccountID)?
    var pnlIndex = 0
    var lastUnreferencedAccount: AccountID?
    /// The current record's `placeOrder` requests and cancelling commands.
    var requests: [OrderRequest] = []
    var nextRequest = 0
    var pending: [PendingCancel] = []
    var pendingIndex = 0

    /// Most live orders tracked per account (the engine's default limit is 200 per account).
    static let trackedOrdersPerAccount = 1_024

    /// Starts a record.
    mutating func begin() {
        requests.removeAll(keepingCapacity: true)
        nextRequest = 0
        pending.removeAll(keepingCapacity: true)
        pendingIndex = 0
    }

    /// The account a command from `origin` most likely names.
    func predictedAccount(_ origin: InputOrigin) -> AccountID? {
        origin.slot.flatMap { slotAccounts[$0] }
    }

    /// Remembers a command input (after it has been written or read).
    mutating func observe(origin: InputOrigin, command: MarketCommand) {
        previousOrigin = origin
        switch command {
        case .placeOrder(let request):
            requests.append(request)
            observe(request)
            if let slot = origin.slot { slotAccounts.set(slot, request.account) }
        case .cancelAll(let account, let instrument):
            pending.append(.all(account, instrument))
            if let slot = origin.slot { slotAccounts.set(slot, account) }
        case .cancelOrder(let account, _, let order):
            pending.append(.one(order))
            if let slot = origin.slot { slotAccounts.set(slot, account) }
        default: break
        }
    }

    // MARK: Order requests

    /// The price and quantity an order on `key` most likely has: the side's last ones (the
    /// instrument's last price when the side had none).
    func predicted(_ key: SideKey) -> (price: Int64, quantity: Int64) {
        let last = lastOrder[key]
        return (last?.price ?? instrument(key.instrument).price, last?.quantity ?? 0)
    }
    func predictedTag(_ account: AccountID) -> UInt64 { lastTag[account.rawValue] ?? 0 }

    /// What the model remembers of `instrument` (zeros before anything was seen).
    func instrument(_ instrument: UInt16) -> InstrumentState { instruments[UInt32(instrument)] ?? InstrumentState() }

    /// Remembers the fields of a request (a command's or an acceptance's).
    mutating func observe(_ request: OrderRequest) {
        let key = Self.key(request)
        if let price = request.price {
            lastOrder[key] = (price.ticks, request.quantity.lots)
            instruments.modify(UInt32(key.instrument), default: InstrumentState()) { $0.price = price.ticks }
        } else {
            lastOrder[key, default: (nil, 0)].quantity = request.quantity.lots
        }
        lastTag.set(request.account.rawValue, request.clientTag)
    }

    static func key(_ request: OrderRequest) -> SideKey {
        SideKey(account: request.account.rawValue, instrument: request.instrument.rawValue, sell: request.side == .sell)
    }

    /// The index of the record's `placeOrder` request an acceptance of `request` refers to (the
    /// first equal one not yet referenced), as ``OrderRequestReferences`` chooses it.
    func referenceIndex(_ request: OrderRequest) -> Int? {
        guard nextRequest < requests.count else { return nil }
        return requests[nextRequest...].firstIndex(of: request)
    }

    /// Remembers an acceptance; `reference` is the request index it was written against, if any.
    mutating func observeAccepted(_ order: OrderID, _ request: OrderRequest, reference: Int?) {
        if let reference {
            nextRequest = reference + 1
        } else {
            lastUnreferencedAccount = request.account
            observe(request)
        }
        let id = order.rawValue
        if id >= nextOrderID { nextOrderID = id &+ 1 }
        if live[id] != nil { removeLive(id) }
        // Past the cap the account's further orders are not tracked (their cancellations and
        // fills are written in full), so no per-account step costs more than the cap.
        guard (accountOrders[request.account.rawValue]?.count ?? 0) < Self.trackedOrdersPerAccount else { return }
        live[id] = LiveOrder(
            account: request.account, instrument: request.instrument, side: request.side, price: request.price,
            remaining: request.quantity.lots, clientTag: request.clientTag)
        accountOrders.modify(request.account.rawValue, default: []) { ids in
            if let last = ids.last, last > id {
                ids.insert(id, at: ids.firstIndex { $0 > id } ?? ids.endIndex)
            } else {
                ids.append(id)
            }
        }
    }

    mutating func removeLive(_ id: UInt64) {
        guard let order = live.removeValue(forKey: id) else { return }
        let account = order.account.rawValue
        accountOrders.modify(account, default: []) { ids in
            if let index = ids.firstIndex(of: id) { ids.remove(at: index) }
        }
    }

    // MARK: Cancellations

    /// The order the next `orderCancelled` most likely names: the lowest live order of the first
    /// cancelling command of the record that still has one, else of the previous cancellation's
    /// account. Call exactly once per `orderCancelled`, before ``observeCancelled(_:_:)``.
    mutating func predictCancel() -> UInt64? {
        while pendingIndex < pending.count {
            switch pending[pendingIndex] {
            case .one(let order):
                if live[order.rawValue] != nil { return order.rawValue }
            case .all(let account, let instrument):
                if let id = firstLive(of: account, on: instrument) { return id }
            }
            pendingIndex += 1
        }
        return lastCancelAccount.flatMap { firstLive(of: $0, on: nil) }
    }

    func firstLive(of account: AccountID, on instrument: InstrumentID?) -> UInt64? {
        guard let ids = accountOrders[account.rawValue] else { return nil }
        guard let instrument else { return ids.first }
        return ids.first { live[$0]?.instrument == instrument }
    }

    /// Whether a cancellation's fields are exactly what the live order predicts.
    func isPredicted(
        account: AccountID, instrument: InstrumentID, order: OrderID, clientTag: UInt64, remaining: Quantity
    ) -> Bool {
        guard let known = live[order.rawValue] else { return false }
        return known.account == account && known.instrument == instrument && known.clientTag == clientTag
            && known.remaining == remaining.lots
    }

    mutating func observeCancelled(_ order: OrderID, _ account: AccountID) {
        lastCancelID = order.rawValue
        lastCancelAccount = account
        removeLive(order.rawValue)
    }

    // MARK: Trades, PnL, prices

    /// Whether the maker side of `trade` is what its live maker order predicts.
    func makerPredicted(_ trade: Trade) -> Bool {
        guard let maker = live[trade.makerOrder.rawValue], let price = maker.price else { return false }
        return maker.account == trade.makerAccount && maker.instrument == trade.instrument
            && price == trade.price && maker.side != trade.takerSide
    }

    func takerPredicted(_ trade: Trade) -> Bool { live[trade.takerOrder.rawValue]?.account == trade.takerAccount }

    func predictedFees(price: Price, quantity: Quantity) -> (maker: Int64, taker: Int64) {
        let notional = price.ticks &* quantity.lots
        return (notional &* feeRates.maker, notional &* feeRates.taker)
    }

    mutating func observe(_ trade: Trade) {
        lastMaker = trade.makerOrder.rawValue
        instruments.modify(UInt32(trade.instrument.rawValue), default: InstrumentState()) {
            $0.price = trade.price.ticks
        }
        let notional = trade.price.ticks &* trade.quantity.lots
        if let maker = Self.exactRate(trade.makerFee.units, notional),
            let taker = Self.exactRate(trade.takerFee.units, notional)
        {
            feeRates = (maker, taker)
        }
        fill(trade.makerOrder.rawValue, trade.quantity.lots)
        fill(trade.takerOrder.rawValue, trade.quantity.lots)
        pnlAccounts = (trade.makerAccount, trade.takerAccount)
        pnlIndex = 0
    }

    private static func exactRate(_ fee: Int64, _ notional: Int64) -> Int64? {
        guard notional != 0 else { return nil }
        let (quotient, overflow) = fee.dividedReportingOverflow(by: notional)
        let (remainder, _) = fee.remainderReportingOverflow(dividingBy: notional)
        return overflow || remainder != 0 ? nil : quotient
    }

    private mutating func fill(_ id: UInt64, _ quantity: Int64) {
        guard var order = live[id] else { return }
        order.remaining = order.remaining &- quantity
        if order.remaining <= 0 {
            removeLive(id)
        } else {
            live[id] = order
        }
    }

    var predictedPnLAccount: AccountID? {
        guard let accounts = pnlAccounts else { return nil }
        switch pnlIndex {
        case 0: return accounts.maker
        case 1: return accounts.taker
        default: return nil
        }
    }

    mutating func observePnL(_ account: AccountID) {
        if let predicted = predictedPnLAccount, predicted == account { pnlIndex += 1 }
    }

    mutating func observePrice(_ instrument: InstrumentID, index: Price, mark: Price, rate: Rate) {
        instruments.modify(UInt32(instrument.rawValue), default: InstrumentState()) {
            $0.index = index.ticks
            $0.mark = mark.ticks
            $0.rate = rate.units
        }
    }
}

extension PackedTickModel {
    /// An order request's flags byte, as in the version-1 encoding (docs/AUDIT.md, "Commands").
    static func flags(_ request: OrderRequest) -> UInt8 {
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
        return flags
    }

    static let timesInForce: [TimeInForce] = [.gtc, .ioc, .fok, .postOnly]
}
