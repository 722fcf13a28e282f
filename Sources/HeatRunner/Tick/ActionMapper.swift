import BotProtocol
import MarketModel

/// Maps a bot's wire actions onto engine commands, refusing what is off the grid or unknown
/// at the boundary (never rounding silently).
struct ActionMapper {
    let instruments: [InstrumentSpec]
    private let index: [String: InstrumentID]

    init(instruments: [InstrumentSpec]) {
        self.instruments = instruments
        var index: [String: InstrumentID] = [:]
        for (offset, spec) in instruments.enumerated() { index[spec.symbol] = InstrumentID(UInt16(offset)) }
        self.index = index
    }

    enum Mapped {
        case command(MarketCommand)
        case rejected(clientTag: UInt64, reason: String)
    }

    func map(_ action: BotAction, account: AccountID) -> Mapped {
        switch action {
        case .place(let order):
            let tag = order.clientID ?? 0
            guard let id = index[order.symbol] else { return .rejected(clientTag: tag, reason: "unknown_instrument") }
            let spec = instruments[Int(id.rawValue)]
            guard let quantity = spec.quantity(decimal: order.quantity), quantity.lots > 0 else {
                return .rejected(clientTag: tag, reason: "invalid_quantity")
            }
            var price: Price?
            if order.kind == .limit {
                guard let text = order.price, let parsed = spec.price(decimal: text), parsed.ticks > 0 else {
                    return .rejected(clientTag: tag, reason: "invalid_price")
                }
                price = parsed
            }
            let request = OrderRequest(
                account: account, instrument: id, side: order.side, kind: order.kind,
                price: price, quantity: quantity, timeInForce: order.effectiveTimeInForce,
                reduceOnly: order.reduceOnly ?? false, clientTag: tag)
            return .command(.placeOrder(request))
        case .cancel(let symbol, let orderID):
            guard let id = index[symbol] else { return .rejected(clientTag: 0, reason: "unknown_instrument") }
            return .command(.cancelOrder(account: account, instrument: id, order: OrderID(orderID)))
        case .cancelAll(let symbol):
            guard let symbol else { return .command(.cancelAll(account: account, instrument: nil)) }
            guard let id = index[symbol] else { return .rejected(clientTag: 0, reason: "unknown_instrument") }
            return .command(.cancelAll(account: account, instrument: id))
        case .setLeverage(let symbol, let leverage):
            guard let id = index[symbol] else { return .rejected(clientTag: 0, reason: "unknown_instrument") }
            return .command(.setLeverage(account: account, instrument: id, leverage: Int64(leverage)))
        }
    }
}
