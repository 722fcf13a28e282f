/// One team's figures over the evaluation, flagged or not: what its own report section shows.
/// Amounts are money units (1e-8 USDT), ratios parts per million.
public struct TeamSummary: Sendable, Hashable {
    public var team: TeamRef
    public var runs: Int
    /// Final equity minus deposits, summed over its runs.
    public var pnlUnits: Int64
    /// Value received beyond the mark in fills against other teams (negative: given).
    public var teamFillValueUnits: Int64
    /// Value received beyond the mark in fills against the background market.
    public var houseFillValueUnits: Int64
    public var ordersPlaced: Int
    public var ordersFilled: Int
    public var ordersCancelled: Int
    public var orderToFillPPM: Int64
    public var cancelRatePPM: Int64
    public var messagesPerTickPPM: Int64
    /// Detector kinds that flagged the team (`copying`, `spoofing`, `transfer`, `wash`), sorted.
    public var flags: [String]
}
