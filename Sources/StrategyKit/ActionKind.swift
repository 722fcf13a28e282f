import MarketModel

/// What one action under `do:` does.
enum ActionKind: Hashable, Sendable {
    case order(Side, OrderOptions)
    case target(OrderOptions)
    /// Closes the position on one market, or on all when `nil`.
    case close(NameReference?)
    /// Cancels resting orders on one market, or on all when `nil`.
    case cancelAll(NameReference?)
    case setLeverage(NameReference?, Expression)
    case assign([NamedExpression])
    case log([LogPiece])
}
