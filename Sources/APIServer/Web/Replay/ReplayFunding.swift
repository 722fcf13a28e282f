/// Funding payments, columnar (positive `amount_units`: received by the team). Amounts are exact,
/// in units of 1e-8 USDT (a payment on a small position is a fraction of a cent).
struct ReplayFunding: Codable, Sendable {
    var tick: [Int64] = []
    var slot: [Int] = []
    var instrument: [Int] = []
    var amountUnits: [Int64] = []

    var count: Int { tick.count }

    /// Only the payments of `slot`.
    func only(slot kept: Int) -> ReplayFunding {
        var out = ReplayFunding()
        for i in tick.indices where slot[i] == kept {
            out.tick.append(tick[i])
            out.slot.append(slot[i])
            out.instrument.append(instrument[i])
            out.amountUnits.append(amountUnits[i])
        }
        return out
    }
}
