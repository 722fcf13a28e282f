import Foundation

/// An evaluation's public seed commitment as served at `/v1/contests/{id}/evaluations/{eid}/seeds`.
public struct EvaluationSeedRecord: Sendable, Equatable {
    public var evaluationId: Int64
    public var contestId: String
    /// Lower-case hex SHA-256 of the material (nil for evaluations made before migration 0005).
    public var commitment: String?
    /// The canonical commitment document (material null).
    public var document: String?
    /// The same document with the material, once the contest is published.
    public var revealDocument: String?

    public init(
        evaluationId: Int64, contestId: String, commitment: String?, document: String?, revealDocument: String?
    ) {
        self.evaluationId = evaluationId
        self.contestId = contestId
        self.commitment = commitment
        self.document = document
        self.revealDocument = revealDocument
    }
}
