/// An account opened before tick 0.
public struct ScenarioAccount: Sendable, Decodable {
    /// Name.
    public var name: String
    /// Deposit.
    public var deposit: String
    /// Leverage.
    public var leverage: [String: Int64]?
    /// Margin mode.
    public var marginMode: [String: String]?
}
