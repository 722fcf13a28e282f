public import Scoring

/// One team's equity-curve metrics recomputed from a replay (see
/// ``TranscriptVerifierConfiguration/equityCurves``).
public struct TeamEquity: Hashable, Sendable, Codable {
    /// Heat slot.
    public var slot: UInt32
    /// Team id, as in the header.
    public var teamID: String
    /// Team label.
    public var label: String
    /// Metrics of the equity after every tick, starting with the opening deposit.
    public var metrics: EquityMetrics

    /// Creates an entry.
    public init(slot: UInt32, teamID: String, label: String, metrics: EquityMetrics) {
        self.slot = slot
        self.teamID = teamID
        self.label = label
        self.metrics = metrics
    }

    enum CodingKeys: String, CodingKey {
        case slot, label, metrics
        case teamID = "team_id"
    }
}
