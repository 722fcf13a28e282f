/// One fill with at least one team on it, valued against the mark in force at the fill.
struct TapeFill: Sendable {
    /// Index of the tick record (0-based).
    var tick: Int
    var instrument: Int
    var priceTicks: Int64
    var lots: Int64
    /// The mark in force when the fill happened (the last price update before it, or the
    /// instrument's start price before the first one).
    var markTicks: Int64
    /// Team index of the buyer and the seller in ``HeatTape/teams``; -1 for a house account.
    var buyer: Int
    var seller: Int
    /// `true` when the buyer's order was resting (the buyer was the maker).
    var buyerWasMaker: Bool

    /// Value the seller received beyond the mark (money units, 128 bits): positive when the
    /// buyer paid more than the mark. The buyer's value is the negation.
    func sellerValue(tickLotValue: Int64) -> Int128 {
        FixedMath.value(ticks: priceTicks - markTicks, lots: lots, tickLotValue: tickLotValue)
    }
}
