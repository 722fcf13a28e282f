public import Storage

/// The sealed boards and seed commitments as the public reads them (served byte for byte).
public protocol BoardReading: Sendable {
    /// Version `version` of the contest's signed board (the latest when nil), once published.
    func boardVersion(contestId: String, version: Int?) async throws -> BoardVersionRecord?
    /// Seed commitments of the contest's evaluations (one when `evaluationId` is given), newest first.
    func evaluationSeeds(contestId: String, evaluationId: Int64?) async throws -> [EvaluationSeedRecord]
}
