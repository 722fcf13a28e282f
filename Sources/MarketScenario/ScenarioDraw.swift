/// One step's injected draws: the normal Z, the jump log sizes (their count is N) and whether
/// the regime switches. Decimal strings on the 1e-8 grid.
public struct ScenarioDraw: Sendable, Decodable {
    /// Normal.
    public var normal: String?
    /// Jumps.
    public var jumps: [String]?
    /// Switch regime.
    public var switchRegime: Bool?
}
