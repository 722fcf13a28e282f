/// Why the engine refused a command. Every value has a stable snake_case code bots can read.
public enum RejectReason: String, Sendable, Codable, Hashable, CaseIterable {
    case unknownAccount = "unknown_account"
    case unknownInstrument = "unknown_instrument"
    case unknownOrder = "unknown_order"
    case invalidQuantity = "invalid_quantity"
    case invalidPrice = "invalid_price"
    case priceOutsideBand = "price_outside_band"
    case belowMinNotional = "below_min_notional"
    case insufficientMargin = "insufficient_margin"
    case postOnlyWouldTake = "post_only_would_take"
    case fokNotFillable = "fok_not_fillable"
    case reduceOnlyWouldIncrease = "reduce_only_would_increase"
    case noLiquidity = "no_liquidity"
    case leverageOutOfRange = "leverage_out_of_range"
    case leverageExceedsTier = "leverage_exceeds_tier"
    case marginModeLocked = "margin_mode_locked"
    case accountLiquidating = "account_liquidating"
    case tooManyOpenOrders = "too_many_open_orders"
    case selfTrade = "self_trade"
    case invalidAmount = "invalid_amount"
    /// The time-in-force is not allowed for this order kind (e.g. post-only market order).
    case invalidTimeInForce = "invalid_time_in_force"
    /// House (background or insurance-fund) accounts cannot be driven by commands.
    case houseAccount = "house_account"
}

/// Why an order left the book without being filled completely.
public enum CancelReason: String, Sendable, Codable, Hashable, CaseIterable {
    case requested
    /// Unfilled remainder of an IOC or market order.
    case immediateOrCancel = "ioc_remainder"
    /// Self-trade prevention expired the incoming order.
    case selfTradePrevention = "self_trade_prevention"
    /// A reduce-only order that would now increase the position.
    case reduceOnlyInvalidated = "reduce_only_invalidated"
    case liquidation
    case closeOut = "close_out"
    /// The fill would have left the order's owner with negative equity at mark: a taker's
    /// remainder stops there; a resting order reached by such a fill is cancelled.
    case insufficientMargin = "insufficient_margin"
}
