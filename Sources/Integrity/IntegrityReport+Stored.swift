public import AuditLog

extension IntegrityReport {
    /// Reads what a team's run report shows from a stored report's canonical bytes (the API holds
    /// bytes, not the analysis): ``IntegrityReport/teamSection(_:)`` and ``flags(in:team:)``
    /// give the same answers as the report object they were encoded from.
    public struct Stored: Sendable {
        let fields: [String: CanonicalJSON]

        /// Parses a report's canonical JSON (exactly canonical, with the report's format tag).
        public init(_ bytes: [UInt8]) throws(IntegrityError) {
            let document: CanonicalJSON
            do {
                document = try CanonicalJSON.parseCanonical(bytes, what: "integrity report")
            } catch {
                throw IntegrityError(.mismatch, error.message)
            }
            guard case .object(let fields) = document, fields["format"] == .string(IntegrityReport.format) else {
                throw IntegrityError(.mismatch, "not a \(IntegrityReport.format) document")
            }
            self.fields = fields
        }

        /// Team ids with at least one flag.
        public var flaggedTeamIDs: [String] {
            guard case .array(let ids)? = fields["flagged_teams"] else { return [] }
            return ids.compactMap { if case .string(let id) = $0 { id } else { nil } }
        }

        /// The kinds a team is flagged for (`copying`, `spoofing`, `transfer`, `wash`), sorted;
        /// empty for a team without flags or not in the report.
        public func flags(team teamID: String) -> [String] {
            guard let summary = summary(teamID), case .array(let kinds)? = summary["flags"] else { return [] }
            return kinds.compactMap { if case .string(let kind) = $0 { kind } else { nil } }
        }

        /// The part about one flagged team, byte for byte what ``IntegrityReport/teamSection(_:)``
        /// gives: its summary, the findings that name it and the thresholds; nil without flags.
        public func teamSection(_ teamID: String) -> [UInt8]? {
            guard let summary = summary(teamID), !flags(team: teamID).isEmpty else { return nil }
            func list(_ key: String, _ keep: ([String: CanonicalJSON]) -> Bool) -> CanonicalJSON {
                guard case .array(let items)? = fields[key] else { return .array([]) }
                return .array(items.filter { if case .object(let item) = $0 { keep(item) } else { false } })
            }
            func names(_ item: [String: CanonicalJSON], _ key: String) -> Bool { Self.teamID(item[key]) == teamID }
            let section: CanonicalJSON = .object([
                "format": .string(IntegrityReport.format),
                "contest_id": fields["contest_id"] ?? .null,
                "team": .object(summary),
                "transfer": list("transfer") {
                    $0["flagged"] == .bool(true) && (names($0, "giver") || names($0, "receiver"))
                },
                "wash": list("wash") { item in
                    guard case .array(let teams)? = item["teams"] else { return false }
                    return teams.contains { Self.teamID($0) == teamID }
                },
                "copying": list("copying") { names($0, "leader") || names($0, "follower") },
                "spoofing": list("spoofing") { names($0, "team") },
                "thresholds": fields["thresholds"] ?? .null,
            ])
            return section.encoded()
        }

        private func summary(_ teamID: String) -> [String: CanonicalJSON]? {
            guard case .array(let teams)? = fields["teams"] else { return nil }
            for case .object(let summary) in teams where Self.teamID(summary["team"]) == teamID { return summary }
            return nil
        }

        private static func teamID(_ value: CanonicalJSON?) -> String? {
            guard case .object(let team)? = value, case .string(let id)? = team["team_id"] else { return nil }
            return id
        }
    }
}
