/// One market a strategy trades: the alias used in expressions and the contest symbol.
public struct MarketBinding: Hashable, Sendable {
    /// Name used in expressions and actions, e.g. `btc` in `btc.mark`.
    public var alias: String
    /// Instrument symbol, e.g. `BTC-PERP`.
    public var symbol: String
    var location: SourceLocation
}
