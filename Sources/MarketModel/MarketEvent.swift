/// Everything the engine reports. Events are emitted in a deterministic order and are the
/// content of a run's transcript; bots see the ones that concern their own account.
public enum MarketEvent: Hashable, Sendable, Codable {
    case accountOpened(account: AccountID, deposit: Money)
    case deposited(account: AccountID, amount: Money)
    /// The order passed admission; it may trade immediately and/or rest.
    case orderAccepted(order: OrderID, request: OrderRequest)
    case orderRejected(account: AccountID, clientTag: UInt64, reason: RejectReason)
    case orderCancelled(
        account: AccountID, instrument: InstrumentID, order: OrderID, clientTag: UInt64,
        remaining: Quantity, reason: CancelReason)
    case trade(Trade)
    case leverageSet(account: AccountID, instrument: InstrumentID, leverage: Int64)
    case marginModeSet(account: AccountID, instrument: InstrumentID, mode: MarginMode)
    /// Per instrument, once per tick after background agents acted.
    case priceUpdate(instrument: InstrumentID, index: Price, mark: Price, fundingRate: Rate)
    /// A funding payment; positive `amount` is received by the account.
    case funding(account: AccountID, instrument: InstrumentID, rate: Rate, amount: Money)
    /// Rounding residue of a funding settlement, paid into the insurance fund.
    case fundingResidue(instrument: InstrumentID, amount: Money)
    /// An account was liquidated on `instrument`: `bookFilled` went to the book, `fundTakeover`
    /// was taken by the insurance fund at `bankruptcyPrice`.
    case liquidation(
        account: AccountID, instrument: InstrumentID, quantity: Quantity, bankruptcyPrice: Price,
        bookFilled: Quantity, fundTakeover: Quantity)
    /// Auto-deleveraging closed `quantity` of a profitable opposing position at `price`.
    case autoDeleverage(account: AccountID, instrument: InstrumentID, quantity: Quantity, price: Price)
    case insuranceFund(balance: Money)
    /// A position was realised: PnL credited or debited on reduction/close.
    case realizedPnL(account: AccountID, instrument: InstrumentID, amount: Money)
    /// A command other than an order placement was refused (cancel, leverage, margin mode,
    /// deposit, account opening). `account` is `nil` when the command named no valid account.
    case commandRejected(account: AccountID?, reason: RejectReason)
}
