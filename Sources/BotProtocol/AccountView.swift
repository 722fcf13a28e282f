/// The bot's own account at an observation, plus what happened to it since the previous one.
public struct AccountView: Codable, Sendable, Hashable {
    /// Wallet balance in USDT (realised).
    public var balance: String
    /// Balance plus unrealised PnL.
    public var equity: String
    /// Equity not committed to margin.
    public var available: String
    /// Maintenance margin over equity, as a fraction (≥ 1 means liquidation).
    public var marginRatio: String
    public var positions: [PositionView]
    public var openOrders: [OpenOrderView]
    public var fills: [FillView]
    public var rejections: [RejectionView]
    public var events: [AccountEventView]

    /// Creates an account view.
    public init(
        balance: String, equity: String, available: String, marginRatio: String, positions: [PositionView] = [],
        openOrders: [OpenOrderView] = [], fills: [FillView] = [], rejections: [RejectionView] = [],
        events: [AccountEventView] = []
    ) {
        self.balance = balance
        self.equity = equity
        self.available = available
        self.marginRatio = marginRatio
        self.positions = positions
        self.openOrders = openOrders
        self.fills = fills
        self.rejections = rejections
        self.events = events
    }

    enum CodingKeys: String, CodingKey {
        case balance, equity, available
        case marginRatio = "margin_ratio"
        case positions
        case openOrders = "open_orders"
        case fills, rejections, events
    }
}
