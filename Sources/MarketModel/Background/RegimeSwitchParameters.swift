/// A two-state Markov regime switch between calm and stressed Merton parameters. At the start of
/// every tick the regime leaves its state with the state's per-tick probability (a draw
/// u ∈ [0, 1) below it switches), then the tick's log return follows the Merton step of the
/// regime in force. Expected stay in a state = 1 / probability ticks.
public struct RegimeSwitchParameters: Sendable, Hashable, Codable {
    /// Parameters in the calm state (the state at tick 0).
    public var calm: MertonParameters
    /// Parameters in the stressed state.
    public var stressed: MertonParameters
    /// Probability per tick of going from calm to stressed (1e-8).
    public var calmToStressed: Rate
    /// Probability per tick of going from stressed back to calm (1e-8).
    public var stressedToCalm: Rate

    public init(calm: MertonParameters, stressed: MertonParameters, calmToStressed: Rate, stressedToCalm: Rate) {
        self.calm = calm
        self.stressed = stressed
        self.calmToStressed = calmToStressed
        self.stressedToCalm = stressedToCalm
    }
}
