/// Funding payments, columnar (positive `amount_cents`: received by the team).
struct ReplayFunding: Codable, Sendable {
    var tick: [Int64] = []
    var slot: [Int] = []
    var instrument: [Int] = []
    var amountCents: [Int64] = []

    var count: Int { tick.count }

    /// Only the payments of `slot`.
    func only(slot kept: Int) -> ReplayFunding {
        var out = ReplayFunding()
        for i in tick.indices where slot[i] == kept {
            out.tick.append(tick[i])
            out.slot.append(slot[i])
            out.instrument.append(instrument[i])
            out.amountCents.append(amountCents[i])
        }
        return out
    }
}
