/// One team of the heat: who it is and its equity after every tick record.
struct ReplayTeam: Codable, Sendable {
    var slot: Int
    var teamId: String
    var label: String
    var submissionSha256: String
    /// Equity in cents after every `equity_stride`-th tick record (the leaderboard valuation, at mark).
    var equityCents: [Int64]
    /// The results recorded in the transcript's trailer.
    var finalEquity: String
    var pnl: String
    var fees: String
    var trades: Int
    var liquidations: Int
    var fault: String?
}
