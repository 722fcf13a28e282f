import Foundation

/// A run of an evaluation as a board snapshot needs it.
public struct EvaluationRunRecord: Sendable, Equatable {
    public var id: Int64
    public var round: Int
    public var heat: Int
    /// The heat seed; nil for a private round before publication (derive it from the material).
    public var seed: UInt64?
    public var seedPublic: Bool
    public var status: String
    public var transcriptRoot: String?
    /// The attestation as stored (canonical JSON).
    public var attestation: String?

    public init(
        id: Int64, round: Int, heat: Int, seed: UInt64?, seedPublic: Bool, status: String, transcriptRoot: String?,
        attestation: String?
    ) {
        self.id = id
        self.round = round
        self.heat = heat
        self.seed = seed
        self.seedPublic = seedPublic
        self.status = status
        self.transcriptRoot = transcriptRoot
        self.attestation = attestation
    }
}
