public import Storage

/// Stored integrity reports (docs/INTEGRITY.md), read only: the runners compute and insert
/// them; the API serves them to organizers, to a flagged team in its run report and — after
/// publication — to everyone.
public protocol IntegrityRepository: Sendable {
    /// The newest report of an evaluation, or of the contest's newest evaluation that has one.
    func integrityReport(contestId: String, evaluationId: Int64?) async throws -> IntegrityReportRecord?
}
