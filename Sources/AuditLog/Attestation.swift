public import Crypto
public import Foundation

/// An Ed25519 signature over a run's ``RunManifest`` (which names the transcript root and the
/// results digest). Served as canonical JSON: `{"algorithm","key_id","manifest","signature"}`
/// (``canonicalJSON()``).
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

    /// The served form, byte for byte: canonical JSON (docs/AUDIT.md), i.e.
    /// `{"algorithm":…,"key_id":…,"manifest":<RunManifest.canonicalJSON()>,"signature":…}` with no
    /// whitespace. It is what `JSONEncoder` with sorted keys and unescaped slashes produces for
    /// every attestation whose strings have no control characters.
    public func canonicalJSON() -> [UInt8] {
        var out = Array("{\"algorithm\":".utf8) + CanonicalJSON.quoted(algorithm)
        out += Array(",\"key_id\":".utf8) + CanonicalJSON.quoted(keyID)
        out += Array(",\"manifest\":".utf8) + manifest.canonicalJSON()
        out += Array(",\"signature\":".utf8) + CanonicalJSON.quoted(signature)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// Canonical JSON for storage and serving (``canonicalJSON()``): store and serve these bytes
    /// as they are (not through a JSON column type that re-renders them).
    public func jsonData() throws -> Data { Data(canonicalJSON()) }

    /// Parses the JSON form (any formatting; see ``decodeCanonical(json:)`` for the strict check).
    public static func decode(json: Data) throws(TranscriptError) -> Attestation {
        do {
            return try JSONDecoder().decode(Attestation.self, from: json)
        } catch {
            throw TranscriptError(.attestation, "attestation JSON does not parse: \(error)")
        }
    }

    /// Parses served attestation bytes and requires them to be exactly ``canonicalJSON()`` of their
    /// content: an added field (anywhere), a duplicate key, reordered keys or whitespace are
    /// rejected with "attestation is not canonical", so that no reader can be shown content the
    /// signature does not cover.
    public static func decodeCanonical(json bytes: [UInt8]) throws(TranscriptError) -> Attestation {
        do {
            _ = try CanonicalJSON.parse(bytes)
        } catch {
            throw TranscriptError(.attestation, "attestation is not canonical: \(error.message)")
        }
        let attestation = try decode(json: Data(bytes))
        let canonical = attestation.canonicalJSON()
        guard canonical == bytes else {
            throw TranscriptError(
                .attestation,
                "attestation is not canonical: its bytes differ from the signed form at byte \(Self.firstDifference(canonical, bytes))"
                    + " (an added field, reordered keys or whitespace)")
        }
        return attestation
    }

    private static func firstDifference(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        (0..<min(lhs.count, rhs.count)).first { lhs[$0] != rhs[$0] } ?? min(lhs.count, rhs.count)
    }
}
