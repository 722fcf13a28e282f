public import Foundation

/// One stored integrity report of an evaluation (docs/INTEGRITY.md): the canonical JSON the
/// runner computed from the evaluation's transcripts, served byte for byte.
public struct IntegrityReportRecord: Sendable, Equatable {
    /// Row id; the newest report of an evaluation has the highest id (a rerun adds one).
    public var id: Int64
    public var evaluationId: Int64
    public var contestId: String
    /// The report's canonical JSON bytes.
    public var report: Data
    /// Lower-case hex SHA-256 of `report` (checked by the database on insert).
    public var sha256: String
    /// How many teams carry at least one flag.
    public var flaggedTeams: Int
    public var createdAt: Date

    public init(
        id: Int64, evaluationId: Int64, contestId: String, report: Data, sha256: String, flaggedTeams: Int,
        createdAt: Date
    ) {
        self.id = id
        self.evaluationId = evaluationId
        self.contestId = contestId
        self.report = report
        self.sha256 = sha256
        self.flaggedTeams = flaggedTeams
        self.createdAt = createdAt
    }
}
