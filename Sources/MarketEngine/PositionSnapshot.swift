import MarketModel

/// One position of an account, valued at mark.
public struct PositionSnapshot: Sendable, Hashable, Codable {
    public var instrument: InstrumentID
    /// Signed size (positive long).
    public var size: Quantity
    /// Entry notional (exact); average entry = entryValue / |size|.
    public var entryValue: Money
    /// Average entry rounded to the nearest tick (see `entryValue` for the exact value).
    public var entryPrice: Price
    public var markPrice: Price
    public var unrealizedPnL: Money
    /// Liquidation price rounded against the trader; `nil` when it cannot be liquidated.
    public var liquidationPrice: Price?
    /// Bankruptcy price rounded against the trader.
    public var bankruptcyPrice: Price?
    public var marginMode: MarginMode
    public var leverage: Int64
    public var isolatedMargin: Money
    public var initialMargin: Money
    public var maintenanceMargin: Money
    /// Cumulative fees paid, funding received (negative = paid) and realised PnL on this instrument.
    public var fees: Money
    public var funding: Money
    public var realizedPnL: Money
}
