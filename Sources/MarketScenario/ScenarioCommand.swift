/// One scripted command.
public struct ScenarioCommand: Sendable, Decodable {
    /// `order`, `cancel`, `cancelAll`, `leverage`, `marginMode`, `deposit`, `closeOut`,
    /// `selfTradeGroup`.
    public var op: String
    /// Account.
    public var account: String
    /// Instrument.
    public var instrument: String?
    /// Side.
    public var side: String?
    /// `limit` (default) or `market`.
    public var type: String?
    /// Price.
    public var price: String?
    /// Quantity.
    public var quantity: String?
    /// `gtc` (default), `ioc`, `fok`, `post_only`.
    public var tif: String?
    /// Reduce only.
    public var reduceOnly: Bool?
    /// Tag.
    public var tag: UInt64?
    /// For `cancel`: the engine order id, or use `tag` to cancel by client tag.
    public var order: UInt64?
    /// Leverage.
    public var leverage: Int64?
    /// Mode.
    public var mode: String?
    /// Amount.
    public var amount: String?
    /// For `selfTradeGroup`: the self-trade-prevention group (0 clears it).
    public var group: UInt32?
}
