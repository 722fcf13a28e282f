import ContestModel
import MarketModel

/// The self-trade-prevention groups of one heat: the teams of a heat that the contest's
/// `integrity.linked_teams` names as one group, when at least two of them meet in it. The tick
/// loop issues one `setSelfTradeGroup` per such team at tick 0, right after the accounts open,
/// so the transcript records the links and `arena verify` replays them.
struct SelfTradeLinks {
    /// Heat slot and engine group, in slot order.
    let assignments: [(slot: Int, group: UInt32)]

    /// Groups of `settings` restricted to `entries` (matched by team name, the entry's label).
    init(settings: IntegritySettings, entries: [HeatSpec.Entry]) {
        let groups = settings.selfTradeGroups
        guard !groups.isEmpty else {
            assignments = []
            return
        }
        let linked = entries.compactMap { entry in groups[entry.label].map { (slot: entry.slot, group: $0) } }
        var members: [UInt32: Int] = [:]
        for link in linked { members[link.group, default: 0] += 1 }
        assignments = linked.filter { members[$0.group, default: 0] >= 2 }.sorted { $0.slot < $1.slot }
    }
}
