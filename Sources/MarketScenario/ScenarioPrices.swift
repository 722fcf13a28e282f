public import ContestModel

/// Price source of one instrument.
public struct ScenarioPrices: Sendable, Decodable {
    /// Explicit per-tick points (index, optional mark and funding rate); last repeats.
    public var path: [ScenarioPricePoint]?
    /// A CSV file (relative to the scenario file) with columns `index[,mark[,fundingRate]]`.
    public var csv: String?
    /// `constant` or `jumpDiffusion` (with `start`); superseded by `priceModel`.
    public var model: String?
    /// A price model with its parameters, in the contest YAML's grammar
    /// (`market.background.price_model`: `type`, `volatility`, `jumps_per_year`, ...).
    public var priceModel: PriceModelSettings?
    /// Draws injected in place of the seeded generator for the first steps (entry k drives the
    /// step into tick k + 1).
    public var draws: [ScenarioDraw]?
    /// Print a `priceStep` line after every tick (log return, variance, regime, draws).
    public var traceSteps: Bool?
    /// Start.
    public var start: String?
    /// `none` (default) or `standard` background agents.
    public var agents: String?
    /// A deep book (the contest's `market.background.depth` grammar; `{}` for the default).
    public var depth: DepthSettings?
}
