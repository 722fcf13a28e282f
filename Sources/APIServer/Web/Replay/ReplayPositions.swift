/// Position changes, columnar: after tick `tick`, team `slot` holds `size` lots of `instrument`
/// (an entry only when the size changed).
struct ReplayPositions: Codable, Sendable {
    var tick: [Int64] = []
    var slot: [Int] = []
    var instrument: [Int] = []
    var size: [Int64] = []

    var count: Int { tick.count }

    /// Only the changes of `slot`.
    func only(slot kept: Int) -> ReplayPositions {
        var out = ReplayPositions()
        for i in tick.indices where slot[i] == kept {
            out.tick.append(tick[i])
            out.slot.append(slot[i])
            out.instrument.append(instrument[i])
            out.size.append(size[i])
        }
        return out
    }
}
