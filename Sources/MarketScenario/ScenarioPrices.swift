/// Price source of one instrument.
public struct ScenarioPrices: Sendable, Decodable {
    /// Explicit per-tick points (index, optional mark and funding rate); last repeats.
    public var path: [ScenarioPricePoint]?
    /// A CSV file (relative to the scenario file) with columns `index[,mark[,fundingRate]]`.
    public var csv: String?
    /// `constant` or `jumpDiffusion` (with `start`).
    public var model: String?
    /// Start.
    public var start: String?
    /// `none` (default) or `standard` background agents.
    public var agents: String?
}
