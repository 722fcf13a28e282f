import MarketModel

/// One account's state on one instrument: position, entry cost, margin settings and the
/// aggregates of its resting orders (kept incrementally for O(1) admission checks).
struct PositionState: Sendable, Hashable {
    /// Signed size in lots (positive long).
    var size: Int64 = 0
    /// Entry notional in money units (≥ 0): average entry = entryValue / |size|.
    var entryValue: Int64 = 0
    var leverage: Int64
    var isolated: Bool = false
    /// Resting buy orders: lots and notional at their limit prices.
    var bidLots: Int64 = 0
    var bidNotional: Int64 = 0
    var askLots: Int64 = 0
    var askNotional: Int64 = 0
    /// Resting reduce-only orders on this instrument.
    var reduceOnlyOrders: Int32 = 0
    /// Resting orders on this instrument (derived; not hashed).
    var openOrders: Int32 = 0
    /// Cumulative fees paid, funding received (negative = paid) and realised PnL.
    var fees: Int64 = 0
    var funding: Int64 = 0
    var realized: Int64 = 0

    init(leverage: Int64) { self.leverage = leverage }

    /// +1 long, -1 short, 0 flat.
    @inline(__always) var sign: Int64 { size > 0 ? 1 : (size < 0 ? -1 : 0) }
    /// Signed entry value (long positive): cash paid into the position.
    @inline(__always) var signedEntryValue: Int64 { size >= 0 ? entryValue : -entryValue }
}
