public import AuditLog
public import ContestModel
import MarketModel

/// Checks that a transcript's self-trade-prevention links are exactly the ones its contest's
/// `integrity.linked_teams` calls for (docs/INTEGRITY.md §10): one `setSelfTradeGroup` from
/// `system(slot)` at tick 0 for each team the definition links to another team of the heat
/// (`IntegritySettings.selfTradeAssignments` over the transcript's members), on that slot's own
/// account, and no other. The engine replay proves the links were applied as recorded; this
/// proves that a runner linked no one the organizer did not name — and left out no one it did.
public enum LinkAudit {
    /// One link as found in or expected for a transcript.
    public struct Link: Hashable, Sendable, CustomStringConvertible {
        public var tick: Int64
        public var slot: UInt32
        public var group: UInt32

        public var description: String { "slot \(slot) → group \(group) at tick \(tick)" }
    }

    /// Nil when the transcript's links are exactly those `settings` calls for, else what differs.
    public static func check(_ records: [TickRecord], members: [HeatMember], settings: IntegritySettings) -> String? {
        var scanner = Scanner()
        for record in records { scanner.observe(record) }
        return scanner.check(members: members, settings: settings)
    }

    /// Nil when the links of the transcript in `bytes` are exactly those `settings` calls for,
    /// else what differs; reads one tick record at a time (a 1,000-team heat's records do not
    /// fit in memory together).
    public static func check(transcript bytes: [UInt8], settings: IntegritySettings) throws(TranscriptError) -> (
        runID: String, problem: String?, links: Int
    ) {
        var reader = try TranscriptReader(bytes: bytes)
        var scanner = Scanner()
        while let tick = try reader.nextTick() { scanner.observe(try tick.decoded()) }
        return (
            reader.header.runID, scanner.check(members: reader.header.members, settings: settings), scanner.links.count
        )
    }

    /// Collects links record by record.
    public struct Scanner: Sendable {
        private var accountOfSlot: [UInt32: AccountID] = [:]
        /// The links seen so far.
        public private(set) var links: [Link] = []
        /// Links not issued by the runner at tick 0 on their slot's own account.
        public private(set) var problems: [String] = []

        /// An empty scanner.
        public init() {}

        /// Takes the links (and the accounts opened) of the next record.
        public mutating func observe(_ record: TickRecord) {
            var opened = record.events.compactMap { event -> AccountID? in
                if case .accountOpened(let account, _) = event { return account }
                return nil
            }[...]
            for input in record.inputs {
                guard case .command(let origin, let command) = input else { continue }
                switch command {
                case .openAccount:
                    if case .system(let slot) = origin, let account = opened.popFirst() {
                        accountOfSlot[slot] = account
                    }
                case .setSelfTradeGroup(let account, let group):
                    guard case .system(let slot) = origin else {
                        problems.append("a link at tick \(record.tick) not issued by the runner (\(origin))")
                        continue
                    }
                    if record.tick != 0 { problems.append("slot \(slot) linked at tick \(record.tick), not at tick 0") }
                    if accountOfSlot[slot] != account {
                        problems.append("slot \(slot)'s link names account \(account.rawValue), not its own")
                    }
                    links.append(Link(tick: record.tick, slot: slot, group: group))
                default: continue
                }
            }
        }

        /// Nil when the links seen are exactly those `settings` calls for `members`.
        public func check(members: [HeatMember], settings: IntegritySettings) -> String? {
            let expected = settings.selfTradeAssignments(members.map { (slot: Int($0.slot), name: $0.label) })
                .map { Link(tick: 0, slot: UInt32($0.slot), group: $0.group) }
            var differences = problems
            if Set(links).count != links.count { differences.append("a link is recorded twice") }
            let missing = expected.filter { !links.contains($0) }
            let extra = links.filter { !expected.contains($0) }
            if !missing.isEmpty { differences.append("missing: " + missing.map(\.description).joined(separator: ", ")) }
            if !extra.isEmpty {
                differences.append("not in the definition: " + extra.map(\.description).joined(separator: ", "))
            }
            return differences.isEmpty ? nil : differences.joined(separator: "; ")
        }
    }
}
