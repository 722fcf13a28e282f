/// An account opened before tick 0.
public struct ScenarioAccount: Sendable, Decodable {
    public var name: String
    public var deposit: String
    public var leverage: [String: Int64]?
    public var marginMode: [String: String]?
}
