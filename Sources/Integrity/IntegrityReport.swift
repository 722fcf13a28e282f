import AuditLog

/// The integrity report of one evaluation: what every detector found, with its evidence and the
/// thresholds used. The same transcripts give the same report, byte for byte (``encoded()``),
/// whatever order they are given in: the server computes it for organizers, `arena verify
/// --contest` recomputes it from the published transcripts.
///
/// A flag is a finding for an organizer to review; it never changes the board by itself.
public struct IntegrityReport: Sendable, Hashable {
    /// The format tag written into the report.
    public static let format = "perparena-integrity/1"

    /// A run the report covers. Its seed is not named (the transcript root binds it): before
    /// publication the report is the organizers', who must not learn a private round's seed.
    public struct RunRef: Sendable, Hashable {
        public var runID: String
        public var ticks: Int
        /// Hex root of the transcript's hash chain.
        public var transcriptRoot: String
        /// Team ids in slot order.
        public var teamIDs: [String]
    }

    public var contestID: String
    /// Runs in run-id order.
    public var runs: [RunRef]
    public var thresholds: IntegrityThresholds
    /// Pairs with a one-way transfer (flagged, and unflagged ones above half the amount threshold
    /// for context), by team-id order of the pair.
    public var transfers: [TransferFinding]
    /// Flagged wash-trading pairs.
    public var washes: [WashFinding]
    /// Flagged copying pairs.
    public var copies: [CopyFinding]
    /// Flagged spoofing teams.
    public var spoofs: [SpoofFinding]
    /// Every team, in team-id order.
    public var teams: [TeamSummary]

    /// Team ids with at least one flag, sorted.
    public var flaggedTeamIDs: [String] { teams.filter { !$0.flags.isEmpty }.map(\.team.teamID) }

    /// The report's canonical JSON bytes (sorted keys, no whitespace, integers and fixed-format
    /// decimal strings only).
    public func encoded() -> [UInt8] { json().encoded() }

    /// The part of the report about one team, as canonical JSON, for the team's own run report;
    /// nil when the team is not flagged. It names the other team of a flagged pair.
    public func teamSection(_ teamID: String) -> [UInt8]? {
        guard let summary = teams.first(where: { $0.team.teamID == teamID }), !summary.flags.isEmpty else {
            return nil
        }
        return section(summary).encoded()
    }
}
