public import MarketModel

/// The bot's position on one instrument.
public struct PositionView: Codable, Sendable, Hashable {
    public var symbol: String
    /// Signed size in coins: positive long, negative short.
    public var size: String
    public var entryPrice: String
    public var unrealizedPnL: String
    /// Estimated liquidation price; `nil` when the position cannot be liquidated.
    public var liquidationPrice: String?
    public var leverage: Int
    public var marginMode: MarginMode

    /// Creates a position view.
    public init(
        symbol: String, size: String, entryPrice: String, unrealizedPnL: String, liquidationPrice: String?,
        leverage: Int, marginMode: MarginMode
    ) {
        self.symbol = symbol
        self.size = size
        self.entryPrice = entryPrice
        self.unrealizedPnL = unrealizedPnL
        self.liquidationPrice = liquidationPrice
        self.leverage = leverage
        self.marginMode = marginMode
    }

    enum CodingKeys: String, CodingKey {
        case symbol, size
        case entryPrice = "entry_price"
        case unrealizedPnL = "unrealized_pnl"
        case liquidationPrice = "liquidation_price"
        case leverage
        case marginMode = "margin_mode"
    }
}
