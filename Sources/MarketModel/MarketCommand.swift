/// Everything that can change the market from outside: the engine's only input besides the seed.
///
/// A transcript of these, in processing order, plus the configuration and seed, reproduces a run.
public enum MarketCommand: Hashable, Sendable, Codable {
    /// Opens a new account with an initial deposit; the engine assigns the next `AccountID`.
    case openAccount(deposit: Money)
    /// Credits (or, if negative, debits) an account's wallet.
    case deposit(account: AccountID, amount: Money)
    case placeOrder(OrderRequest)
    case cancelOrder(account: AccountID, instrument: InstrumentID, order: OrderID)
    /// Cancels every resting order of the account, on one instrument or on all of them.
    case cancelAll(account: AccountID, instrument: InstrumentID?)
    case setLeverage(account: AccountID, instrument: InstrumentID, leverage: Int64)
    case setMarginMode(account: AccountID, instrument: InstrumentID, mode: MarginMode)
    /// Cancels all orders and closes all positions at market (used when a bot faults).
    case closeOut(account: AccountID)
    /// Puts a bot account in self-trade-prevention group `group` (0: no group). An incoming order
    /// never matches a resting order of another account in the same non-zero group: matching
    /// stops there and the taker's remainder expires, exactly as against its own resting orders.
    /// Issued by the runner for teams the organizer links as the same people, never by a bot.
    case setSelfTradeGroup(account: AccountID, group: UInt32)
}
