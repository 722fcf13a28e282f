/// A value agent: Poisson arrivals, noisy view of the fundamental, mostly passive quotes on the
/// side the view favours, sometimes aggressive (ABIDES ValueAgent-like).
public struct ValueAgentParameters: Sendable, Hashable, Codable {
    /// Arrival probability per tick in 1e-8.
    public var arrivalPerTick: Int64
    /// Observation noise of the fundamental in basis points.
    public var observationNoiseBps: Int64
    /// Probability of crossing at the touch, in 1e-8 (ABIDES 0.1).
    public var aggressiveProbability: Int64
    /// Passive orders are placed up to this many ticks behind the touch.
    public var depthTicks: Int64
    /// Order size in lots.
    public var lots: Int64
    /// Passive orders are cancelled after this many ticks.
    public var orderLifetimeTicks: Int64
    /// Absolute inventory beyond which it only trades back toward zero.
    public var inventoryLimitLots: Int64

    public init(
        arrivalPerTick: Int64, observationNoiseBps: Int64, aggressiveProbability: Int64, depthTicks: Int64,
        lots: Int64, orderLifetimeTicks: Int64, inventoryLimitLots: Int64
    ) {
        self.arrivalPerTick = arrivalPerTick
        self.observationNoiseBps = observationNoiseBps
        self.aggressiveProbability = aggressiveProbability
        self.depthTicks = depthTicks
        self.lots = lots
        self.orderLifetimeTicks = orderLifetimeTicks
        self.inventoryLimitLots = inventoryLimitLots
    }

    /// The default parameters.
    public static let standard = ValueAgentParameters(
        arrivalPerTick: 3_000_000, observationNoiseBps: 5, aggressiveProbability: 10_000_000, depthTicks: 10,
        lots: 50, orderLifetimeTicks: 300, inventoryLimitLots: 20_000)
}
