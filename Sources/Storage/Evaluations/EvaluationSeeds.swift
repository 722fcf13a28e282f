import Crypto
public import Foundation

/// An evaluation's private seed material and its public commitment, as stored by
/// `createEvaluation`: the material goes to `evaluation_seed_material` (not readable by the API
/// role), the commitment and the canonical commitment document to the evaluation row.
public struct EvaluationSeeds: Sendable {
    /// 32 bytes from a CSPRNG.
    public var material: Data
    /// Lower-case hex SHA-256 of `material`.
    public var commitment: String
    /// Builds the canonical commitment document (material null) once the evaluation id is known.
    public var document: (@Sendable (_ evaluationId: Int64) -> String)?

    public init(material: Data, document: (@Sendable (_ evaluationId: Int64) -> String)?) {
        self.material = material
        self.commitment = SHA256.hash(data: material).map { String(format: "%02x", $0) }.joined()
        self.document = document
    }

    /// Fresh material from the system CSPRNG (`getrandom` on Linux).
    public static func draw(document: (@Sendable (_ evaluationId: Int64) -> String)?) -> EvaluationSeeds {
        EvaluationSeeds(material: randomMaterial(), document: document)
    }

    /// 32 bytes from the system CSPRNG.
    public static func randomMaterial() -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}
