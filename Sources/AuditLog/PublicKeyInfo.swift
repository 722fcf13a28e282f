public import Crypto
public import Foundation

/// A published attestation public key, as served by `GET /v1/keys`:
/// `{"key_id": "…", "public_key": "<base64 of 32 bytes>", "active": true}`.
public struct PublicKeyInfo: Hashable, Sendable, Codable {
    /// ``KeyID`` of the key.
    public var keyID: String
    /// Base64 of the raw 32-byte Ed25519 public key.
    public var publicKey: String
    /// Whether new runs are signed with this key.
    public var active: Bool

    enum CodingKeys: String, CodingKey {
        case active
        case keyID = "key_id"
        case publicKey = "public_key"
    }

    /// Creates an entry.
    public init(keyID: String, publicKey: String, active: Bool) {
        self.keyID = keyID
        self.publicKey = publicKey
        self.active = active
    }

    /// Creates the entry for `key`.
    public init(_ key: Curve25519.Signing.PublicKey, active: Bool) {
        self.init(keyID: KeyID.of(key), publicKey: key.rawRepresentation.base64EncodedString(), active: active)
    }

    /// The key, if `publicKey` is valid base64 of 32 bytes **and** hashes to `keyID`.
    public func key() -> Curve25519.Signing.PublicKey? {
        guard let raw = Data(base64Encoded: publicKey),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw), KeyID.of(key) == keyID
        else { return nil }
        return key
    }

    /// Parses a JSON list of entries, or an object `{"keys": [...]}`.
    public static func decodeList(json: Data) throws(TranscriptError) -> [PublicKeyInfo] {
        struct Wrapped: Decodable { var keys: [PublicKeyInfo] }
        if let list = try? JSONDecoder().decode([PublicKeyInfo].self, from: json) { return list }
        if let wrapped = try? JSONDecoder().decode(Wrapped.self, from: json) { return wrapped.keys }
        throw TranscriptError(
            .attestation, "public keys JSON is neither a list of {key_id, public_key, active} nor {\"keys\": [...]}")
    }
}
