public import MarketModel

/// One position of an account, valued at mark.
public struct PositionSnapshot: Sendable, Hashable, Codable {
    /// Instrument.
    public var instrument: InstrumentID
    /// Signed size (positive long).
    public var size: Quantity
    /// Entry notional (exact); average entry = entryValue / |size|.
    public var entryValue: Money
    /// Average entry rounded to the nearest tick (see `entryValue` for the exact value).
    public var entryPrice: Price
    /// Mark price.
    public var markPrice: Price
    /// Unrealized PnL.
    public var unrealizedPnL: Money
    /// Liquidation price rounded against the trader; `nil` when it cannot be liquidated.
    public var liquidationPrice: Price?
    /// Bankruptcy price rounded against the trader.
    public var bankruptcyPrice: Price?
    /// Margin mode.
    public var marginMode: MarginMode
    /// Leverage.
    public var leverage: Int64
    /// Isolated margin.
    public var isolatedMargin: Money
    /// Initial margin.
    public var initialMargin: Money
    /// Maintenance margin.
    public var maintenanceMargin: Money
    /// Cumulative fees paid, funding received (negative = paid) and realised PnL on this instrument.
    public var fees: Money
    /// Funding.
    public var funding: Money
    /// Realized PnL.
    public var realizedPnL: Money
}
