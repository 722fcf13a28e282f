/// Commands applied during one tick.
public struct ScenarioStep: Sendable, Decodable {
    public var tick: Int64
    public var commands: [ScenarioCommand]
}
