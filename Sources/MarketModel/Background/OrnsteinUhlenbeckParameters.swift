/// A mean-reverting (Ornstein–Uhlenbeck) log price x = ln S, stepped exactly:
/// `x' = θ + (x − θ)e^{−γΔ} + σ·√((1 − e^{−2γΔ}) / (2γ))·Z`, θ = ln(mean price).
public struct OrnsteinUhlenbeckParameters: Sendable, Hashable, Codable {
    /// Long-run mean price; `nil` reverts to the start price.
    public var mean: Price?
    /// Reversion speed γ per year (half-life ln 2 / γ years).
    public var reversionPerYear: Rate
    /// Volatility σ of the log price per √year.
    public var volatility: Rate

    public init(mean: Price? = nil, reversionPerYear: Rate, volatility: Rate) {
        self.mean = mean
        self.reversionPerYear = reversionPerYear
        self.volatility = volatility
    }
}
