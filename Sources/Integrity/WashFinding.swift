/// A pair of teams whose fills with each other came back to where they started within the
/// window (see ``WashDetector``). Amounts are money units (1e-8 USDT), ratios parts per million.
public struct WashFinding: Sendable, Hashable {
    /// One round trip: the pair's fill at `openTick` undone by the opposite fill at `closeTick`.
    public struct RoundTrip: Sendable, Hashable {
        public var runID: String
        public var symbol: String
        public var openTick: Int
        public var closeTick: Int
        public var quantity: String
        public var openPrice: String
        public var closePrice: String
    }

    /// The pair's trading with each other in one run.
    public struct Run: Sendable, Hashable {
        public var runID: String
        public var fills: Int
        public var roundTrips: Int
        /// Notional of the fills that were undone in the window (both legs).
        public var matchedUnits: Int64
        /// Notional of all fills between the two.
        public var notionalUnits: Int64
        /// matched / notional.
        public var matchedSharePPM: Int64
        /// |net quantity| / total quantity traded between the two (0 = nets to nothing).
        public var netPPM: Int64
        /// Whether this run reached every threshold.
        public var flagged: Bool
    }

    /// The two teams, in team-id order.
    public var teams: [TeamRef]
    public var runs: [Run]
    /// The first round trips of the flagged runs (at most 10).
    public var examples: [RoundTrip]
}
