/// A team whose orders almost never fill and are almost all cancelled, far above the field (see
/// ``SpoofDetector``). Ratios are parts per million.
public struct SpoofFinding: Sendable, Hashable {
    public var team: TeamRef
    public var runs: Int
    public var ordersPlaced: Int
    public var ordersFilled: Int
    public var ordersCancelled: Int
    /// Orders placed / orders that filled (at least once).
    public var orderToFillPPM: Int64
    /// The field's median order-to-fill ratio (teams that placed orders).
    public var fieldOrderToFillPPM: Int64
    /// Orders cancelled by the team / orders accepted.
    public var cancelRatePPM: Int64
    /// The field's median cancel rate.
    public var fieldCancelRatePPM: Int64
    /// Engine commands per tick.
    public var messagesPerTickPPM: Int64
    /// The field's median commands per tick.
    public var fieldMessagesPerTickPPM: Int64
}
