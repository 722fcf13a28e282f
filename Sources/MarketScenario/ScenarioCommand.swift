/// One scripted command.
public struct ScenarioCommand: Sendable, Decodable {
    /// `order`, `cancel`, `cancelAll`, `leverage`, `marginMode`, `deposit`, `closeOut`.
    public var op: String
    public var account: String
    public var instrument: String?
    public var side: String?
    /// `limit` (default) or `market`.
    public var type: String?
    public var price: String?
    public var quantity: String?
    /// `gtc` (default), `ioc`, `fok`, `post_only`.
    public var tif: String?
    public var reduceOnly: Bool?
    public var tag: UInt64?
    /// For `cancel`: the engine order id, or use `tag` to cancel by client tag.
    public var order: UInt64?
    public var leverage: Int64?
    public var mode: String?
    public var amount: String?
}
