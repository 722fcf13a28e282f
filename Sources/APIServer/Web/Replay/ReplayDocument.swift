/// `GET /v1/runs/{id}/replay`: everything the replay viewer draws, built on the server from the
/// run's transcript with the decoding `arena verify` uses (``ReplayBuilder``). Series are
/// columnar (one array per field, one entry per tick record) so a 1,000-tick, 64-team run stays
/// a few hundred kilobytes of JSON. Prices are in ticks of their instrument (`tick_size`),
/// quantities in lots (`lots_per_coin`), money in cents.
struct ReplayDocument: Codable, Sendable {
    var runId: Int64
    var contestId: String
    var round: Int
    var heat: Int
    /// Whether the contest's results are published (the replay is public).
    var published: Bool
    /// `full` (published, or an organizer) or `team` (a team's own view before publication:
    /// only its own fills, positions, equity and incidents).
    var view: String
    var engineVersion: String
    /// The seed, when the round is public or the results are published.
    var seed: String?
    /// The engine tick of each record (column index → tick).
    var ticks: [Int64]
    var tickMilliseconds: Int64
    /// `teams[].equity_cents[i]` is the equity after tick record `i × equity_stride`, and
    /// positions and book depth are sampled at those records too (1 unless the run is large).
    var equityStride: Int
    /// Book levels per side in `instruments[].book_*` (per tick).
    var bookDepth: Int
    var instruments: [ReplayInstrument]
    var teams: [ReplayTeam]
    var fills: ReplayFills
    var positions: ReplayPositions
    var funding: ReplayFunding
    /// Liquidations, auto-deleveraging, faults, timeouts (at most ``ReplayLimits/incidents``).
    var incidents: [ReplayIncident]
    /// True when a list hit its limit and was cut (the transcript has everything).
    var truncated: Bool
    var verification: ReplayVerification
}
