public import MarketModel

/// The account's position and orders on one instrument.
public struct PositionView: Hashable, Sendable, Codable {
    /// Signed size: positive long, negative short.
    public var size: Quantity
    /// Average entry price; `nil` when flat.
    public var entryPrice: Price?
    /// Unrealised PnL at mark.
    public var unrealizedPnL: Money
    /// `nil` when flat or when the position cannot be liquidated.
    public var liquidationPrice: Price?
    /// Resting orders on this instrument.
    public var openOrders: Int

    /// Creates a view; defaults describe a flat position with no orders.
    public init(
        size: Quantity = .zero, entryPrice: Price? = nil, unrealizedPnL: Money = .zero,
        liquidationPrice: Price? = nil, openOrders: Int = 0
    ) {
        self.size = size
        self.entryPrice = entryPrice
        self.unrealizedPnL = unrealizedPnL
        self.liquidationPrice = liquidationPrice
        self.openOrders = openOrders
    }

    /// A flat position with no orders.
    public static let flat = PositionView()
}
