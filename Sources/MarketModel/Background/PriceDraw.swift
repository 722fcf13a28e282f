/// The random draws of one price step, injected by a scenario in place of the seeded generator
/// so a single step can be checked by hand. Values are 1e-8 fixed point.
public struct PriceDraw: Sendable, Hashable, Codable {
    /// The standard normal Z of the diffusion (0 when absent).
    public var normal: Rate
    /// Jump log sizes J_i (their count is the Poisson draw N).
    public var jumps: [Rate]
    /// Whether the Markov regime switches at this step.
    public var switchRegime: Bool

    public init(normal: Rate = .zero, jumps: [Rate] = [], switchRegime: Bool = false) {
        self.normal = normal
        self.jumps = jumps
        self.switchRegime = switchRegime
    }
}
