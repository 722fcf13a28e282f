import ContestModel
import MarketModel

/// The self-trade-prevention groups of one heat: the teams of a heat that the contest's
/// `integrity.linked_teams` names as one group (byte-exact names), when at least two of them
/// meet in it (`IntegritySettings.selfTradeAssignments`). The tick loop issues one
/// `setSelfTradeGroup` per such team at tick 0, right after the accounts open, so the transcript
/// records the links and `arena verify` replays them and checks them against the definition.
struct SelfTradeLinks {
    /// Heat slot and engine group, in slot order.
    let assignments: [(slot: Int, group: UInt32)]

    /// Groups of `settings` restricted to `entries` (matched by team name, the entry's label).
    init(settings: IntegritySettings, entries: [HeatSpec.Entry]) {
        assignments = settings.selfTradeAssignments(entries.map { (slot: $0.slot, name: $0.label) })
    }
}
