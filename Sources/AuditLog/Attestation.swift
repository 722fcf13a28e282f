import Crypto
import Foundation

/// An Ed25519 signature over a run's ``RunManifest`` (which names the transcript root and the
/// results digest). Served as JSON: `{"algorithm","key_id","manifest","signature"}`.
public struct Attestation: Hashable, Sendable, Codable {
    /// Domain-separation prefix of the signed message.
    public static let context: [UInt8] = Array("perparena-attestation-v1\n".utf8)

    /// Always `ed25519`.
    public var algorithm: String
    /// Id of the signing key (``KeyID/of(_:)``).
    public var keyID: String
    /// What is signed.
    public var manifest: RunManifest
    /// Base64 of the 64-byte signature.
    public var signature: String

    enum CodingKeys: String, CodingKey {
        case algorithm, manifest, signature
        case keyID = "key_id"
    }

    /// Creates an attestation from its parts (normally via ``sign(_:with:)``).
    public init(algorithm: String = "ed25519", keyID: String, manifest: RunManifest, signature: String) {
        self.algorithm = algorithm
        self.keyID = keyID
        self.manifest = manifest
        self.signature = signature
    }

    /// The message an attestation signs: ``context`` followed by the manifest's canonical JSON.
    public static func message(for manifest: RunManifest) -> [UInt8] { context + manifest.canonicalJSON() }

    /// Signs `manifest` with `key`.
    public static func sign(_ manifest: RunManifest, with key: Curve25519.Signing.PrivateKey) throws -> Attestation {
        let signature = try key.signature(for: message(for: manifest))
        return Attestation(
            keyID: KeyID.of(key.publicKey), manifest: manifest, signature: Data(signature).base64EncodedString())
    }

    /// Whether the signature is valid for `publicKey` (the key id is not consulted).
    public func verify(publicKey: Curve25519.Signing.PublicKey) -> Bool {
        guard algorithm == "ed25519", let raw = Data(base64Encoded: signature), raw.count == 64 else { return false }
        return publicKey.isValidSignature(raw, for: Self.message(for: manifest))
    }

    /// Canonical JSON (sorted keys) for storage and serving.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Parses the JSON form.
    public static func decode(json: Data) throws(TranscriptError) -> Attestation {
        do {
            return try JSONDecoder().decode(Attestation.self, from: json)
        } catch {
            throw TranscriptError(.attestation, "attestation JSON does not parse: \(error)")
        }
    }
}
