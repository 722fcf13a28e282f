public import MarketModel

/// The frozen reason tables of transcript format 1 (append only).
public enum ReasonCodes {
    /// `RejectReason` codes 1…
    public static let reject = ReasonCodeTable<RejectReason>([
        "unknown_account", "unknown_instrument", "unknown_order", "invalid_quantity", "invalid_price",
        "price_outside_band", "below_min_notional", "insufficient_margin", "post_only_would_take", "fok_not_fillable",
        "reduce_only_would_increase", "no_liquidity", "leverage_out_of_range", "leverage_exceeds_tier",
        "margin_mode_locked", "account_liquidating", "too_many_open_orders", "self_trade", "invalid_amount",
        "invalid_time_in_force", "house_account",
    ])
    /// `CancelReason` codes 1…
    public static let cancel = ReasonCodeTable<CancelReason>([
        "requested", "ioc_remainder", "self_trade_prevention", "reduce_only_invalidated", "liquidation", "close_out",
        "insufficient_margin",
    ])
}
