/// A pair of teams between which value moved one way through their fills (see
/// ``TransferDetector``). Amounts are money units (1e-8 USDT), ratios parts per million.
public struct TransferFinding: Sendable, Hashable {
    /// One fill between the two teams, as evidence.
    public struct Fill: Sendable, Hashable {
        public var runID: String
        public var tick: Int
        public var symbol: String
        /// The receiver's side of the fill (`buy` or `sell`).
        public var receiverSide: String
        public var price: String
        public var mark: String
        public var quantity: String
        /// Value the receiver got beyond the mark.
        public var valueUnits: Int64
        /// (price − mark) / mark.
        public var deviationPPM: Int64
    }

    /// Per-run totals of the pair.
    public struct Run: Sendable, Hashable {
        public var runID: String
        public var fills: Int
        public var netUnits: Int64
        public var firstTick: Int
        public var lastTick: Int
    }

    /// The team that gave value.
    public var giver: TeamRef
    /// The team that received it.
    public var receiver: TeamRef
    /// Net value the receiver got from the giver, over the evaluation.
    public var netUnits: Int64
    /// Sum of |value| over the pair's fills.
    public var grossUnits: Int64
    /// Traded notional between the two.
    public var notionalUnits: Int64
    public var fills: Int
    /// |net| / gross.
    public var oneSidedPPM: Int64
    /// net / the receiver's positive fill value summed by counterparty (teams one by one, the
    /// house as one counterparty).
    public var concentrationPPM: Int64
    /// The receiver's PnL over the runs it shared with the giver.
    public var receiverPnLUnits: Int64
    /// net / the receiver's PnL (0 when the PnL is not positive).
    public var shareOfPnLPPM: Int64
    /// Whether every threshold was reached.
    public var flagged: Bool
    public var runs: [Run]
    /// The fills that gave the receiver the most (at most 10), largest first.
    public var largestFills: [Fill]
}
