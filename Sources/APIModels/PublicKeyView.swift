/// An attestation public key (`GET /v1/keys`).
public struct PublicKeyView: Codable, Sendable, Equatable {
    public var keyId: String
    /// Base64 of the raw Ed25519 public key.
    public var publicKey: String
    public var active: Bool

    public init(keyId: String, publicKey: String, active: Bool) {
        self.keyId = keyId
        self.publicKey = publicKey
        self.active = active
    }
}
