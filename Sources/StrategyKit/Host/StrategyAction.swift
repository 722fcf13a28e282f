public import MarketModel

/// One thing a strategy asks the host to do this tick, in the order to apply them.
public enum StrategyAction: Hashable, Sendable, Codable {
    case place(OrderIntent)
    /// Cancel resting orders on one instrument, or on all when `nil`.
    case cancelAll(InstrumentID?)
    case setLeverage(InstrumentID, Int64)

    /// The engine command for this action on behalf of `account`.
    public func command(account: AccountID, clientTag: UInt64 = 0) -> MarketCommand {
        switch self {
        case .place(let intent): .placeOrder(intent.request(account: account, clientTag: clientTag))
        case .cancelAll(let instrument): .cancelAll(account: account, instrument: instrument)
        case .setLeverage(let instrument, let leverage):
            .setLeverage(account: account, instrument: instrument, leverage: leverage)
        }
    }
}
