public import Crypto

/// An attestation private key with its id.
public struct SigningKey: Sendable {
    /// ``KeyID`` of the public key.
    public let id: String
    /// The Ed25519 private key.
    public let privateKey: Curve25519.Signing.PrivateKey

    /// Wraps `privateKey`.
    public init(privateKey: Curve25519.Signing.PrivateKey) {
        self.privateKey = privateKey
        self.id = KeyID.of(privateKey.publicKey)
    }

    /// A fresh random key.
    public static func generate() -> SigningKey { SigningKey(privateKey: Curve25519.Signing.PrivateKey()) }

    /// The key whose raw 32-byte private representation is `rawRepresentation`.
    public init(rawRepresentation: [UInt8]) throws(TranscriptError) {
        do {
            self.init(privateKey: try Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation))
        } catch {
            throw TranscriptError(.keyStore, "not a 32-byte Ed25519 private key")
        }
    }

    /// The public half.
    public var publicKey: Curve25519.Signing.PublicKey { privateKey.publicKey }

    /// Signs `manifest`.
    public func sign(_ manifest: RunManifest) throws -> Attestation { try Attestation.sign(manifest, with: privateKey) }
}
