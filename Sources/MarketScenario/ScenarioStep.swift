/// Commands applied during one tick.
public struct ScenarioStep: Sendable, Decodable {
    /// Tick.
    public var tick: Int64
    /// Commands.
    public var commands: [ScenarioCommand]
}
