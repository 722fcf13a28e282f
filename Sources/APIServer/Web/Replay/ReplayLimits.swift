/// Bounds of a replay document, so one request cannot make the server build (or a browser
/// download) an unbounded response. A run past `samples` is refused (`422 replay_too_large`);
/// lists past their caps are cut and the document says `truncated`.
struct ReplayLimits: Sendable {
    /// Tick records × teams (equity samples).
    var samples = 4_000_000
    /// Tick records.
    var ticks = 100_000
    /// Fills, position changes and funding payments (each).
    var entries = 100_000
    /// Incidents.
    var incidents = 5_000
    /// Equity samples (tick records × teams) before equity, positions and book depth are sampled
    /// only every few ticks (`equity_stride`).
    var equitySamples = 20_000
    /// Book levels per side per tick.
    var bookDepth = 5
}
