import MarketModel

/// Thresholds of the fair-play detectors (docs/INTEGRITY.md): PnL transfer between two teams,
/// wash trading, position copying and spoofing. Every field has a default; a contest names only
/// what it changes. Ratios and amounts are decimal strings, like every amount in a definition.
///
/// ```yaml
/// integrity:
///   transfer: { min_usdt: "50", min_fills: 5, min_one_sided: "0.6", min_concentration: "0.5" }
///   wash: { window_ticks: 20, min_round_trips: 10, min_matched_usdt: "10000", min_matched_share: "0.5" }
///   copying: { min_lag_ticks: 1, max_lag_ticks: 30, min_cosine: "0.75", min_follow_ratio: "0.6", min_changes: 6 }
///   spoofing: { min_orders_per_run: 500, min_order_to_fill: "50", field_multiple: "10", min_cancel_rate: "0.9" }
///   linked_teams: [[alpha, alpha-2], [quant-club, quant-club-b]]   # same people: never trade each other
/// ```
///
/// A definition without `integrity:` encodes without it, so adding this section to the model
/// changes no existing definition's canonical JSON or hash.
public struct IntegritySettings: Codable, Sendable, Hashable {
    /// PnL transfer between a pair of teams, measured against the mark at each fill.
    public var transfer: Transfer
    /// Wash and matched trading between a pair of teams.
    public var wash: Wash
    /// Lagged copying of another team's position changes.
    public var copying: Copying
    /// Spoofing and quote stuffing: order-to-fill ratio and cancel rate against the field.
    public var spoofing: Spoofing
    /// Groups of team names the organizer links as the same people. Teams of one group that meet
    /// in a heat share a self-trade-prevention group: their orders never match each other (the
    /// runner issues `setSelfTradeGroup` at tick 0, so the transcript records it). Each group
    /// names at least two distinct teams and a team is in at most one group. Encoded only when
    /// not empty, so definitions without it keep their canonical JSON.
    public var linkedTeams: [[String]]

    /// The default thresholds (the ones documented in docs/INTEGRITY.md).
    public init(
        transfer: Transfer = .init(), wash: Wash = .init(), copying: Copying = .init(), spoofing: Spoofing = .init(),
        linkedTeams: [[String]] = []
    ) {
        self.transfer = transfer
        self.wash = wash
        self.copying = copying
        self.spoofing = spoofing
        self.linkedTeams = linkedTeams
    }

    enum CodingKeys: String, CodingKey {
        case transfer, wash, copying, spoofing
        case linkedTeams = "linked_teams"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(transfer, forKey: .transfer)
        try container.encode(wash, forKey: .wash)
        try container.encode(copying, forKey: .copying)
        try container.encode(spoofing, forKey: .spoofing)
        if !linkedTeams.isEmpty { try container.encode(linkedTeams, forKey: .linkedTeams) }
    }

    /// The self-trade-prevention group (1-based place of its group in ``linkedTeams``) of each
    /// linked team name, keyed by the name's UTF-8 bytes; teams not linked are absent.
    ///
    /// Bytes, not `String`: Swift compares strings by canonical equivalence ("K" equals the
    /// Kelvin sign U+212A), while team names are unique byte for byte in the database, so a
    /// look-alike registration must not land in another team's group.
    private var selfTradeGroups: [[UInt8]: UInt32] {
        var groups: [[UInt8]: UInt32] = [:]
        for (index, names) in linkedTeams.enumerated() {
            for name in names { groups[Array(name.utf8)] = UInt32(index + 1) }
        }
        return groups
    }

    /// The groups to issue in one heat: each member (slot, registered team name) whose name is
    /// linked, when at least two members of its group meet in the heat; in slot order. The runner
    /// issues exactly these and `arena verify` recomputes them from the transcript's members.
    public func selfTradeAssignments(_ members: [(slot: Int, name: String)]) -> [(slot: Int, group: UInt32)] {
        let groups = selfTradeGroups
        guard !groups.isEmpty else { return [] }
        let linked = members.compactMap { member in
            groups[Array(member.name.utf8)].map { (slot: member.slot, group: $0) }
        }
        var count: [UInt32: Int] = [:]
        for link in linked { count[link.group, default: 0] += 1 }
        return linked.filter { count[$0.group, default: 0] >= 2 }.sorted { $0.slot < $1.slot }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        transfer = try container.decodeIfPresent(Transfer.self, forKey: .transfer) ?? .init()
        wash = try container.decodeIfPresent(Wash.self, forKey: .wash) ?? .init()
        copying = try container.decodeIfPresent(Copying.self, forKey: .copying) ?? .init()
        spoofing = try container.decodeIfPresent(Spoofing.self, forKey: .spoofing) ?? .init()
        linkedTeams = try container.decodeIfPresent([[String]].self, forKey: .linkedTeams) ?? []
        try Self.checkLinks(linkedTeams, in: container)
    }

    /// Refuses a group of fewer than two distinct names, a blank name, a team in two groups and
    /// more groups than a contest could use.
    private static func checkLinks(_ groups: [[String]], in container: KeyedDecodingContainer<CodingKeys>) throws {
        func refuse(_ message: String) -> DecodingError {
            .dataCorrupted(
                .init(codingPath: container.codingPath + [CodingKeys.linkedTeams], debugDescription: message))
        }
        guard groups.count <= 10_000 else { throw refuse("at most 10000 groups") }
        var seen: Set<[UInt8]> = []
        for group in groups {
            guard Set(group.map { Array($0.utf8) }).count == group.count, group.count >= 2 else {
                throw refuse("each group names at least two distinct teams, got \(group)")
            }
            for name in group {
                guard !name.allSatisfy(\.isWhitespace) else { throw refuse("a team name is blank") }
                guard seen.insert(Array(name.utf8)).inserted else { throw refuse("team \"\(name)\" is in two groups") }
            }
        }
    }

    /// Parts per million of a decimal ratio such as `"0.75"` (at most 6 decimals), or nil.
    public static func ppm(_ text: String) -> Int64? { FixedPoint.parse(text, scale: 6) }

    /// Money units (1e-8 USDT) of a decimal amount such as `"50"`, or nil.
    public static func units(_ text: String) -> Int64? { Money(decimal: text)?.units }
}

extension KeyedDecodingContainer {
    /// An integer field in `range`, or `fallback` when absent.
    func integrityInt(_ key: Key, _ fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        let value = try decodeIfPresent(Int.self, forKey: key) ?? fallback
        guard range.contains(value) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: codingPath + [key],
                    debugDescription: "must be \(range.lowerBound)..\(range.upperBound)"))
        }
        return value
    }

    /// A decimal-string field whose value (as parsed by `parse`) lies in `range`, or `fallback`.
    func integrityDecimal(
        _ key: Key, _ fallback: String, in range: ClosedRange<Int64>, parse: (String) -> Int64?, unit: String
    ) throws -> String {
        let text = try decodeIfPresent(String.self, forKey: key) ?? fallback
        guard let value = parse(text), range.contains(value) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath + [key], debugDescription: "\(text) is not \(unit)"))
        }
        return text
    }
}
