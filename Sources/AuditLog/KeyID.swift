public import Crypto

/// Attestation key ids: the first 16 hex digits of the SHA-256 of the raw 32-byte public key.
public enum KeyID {
    /// The id of `publicKey`.
    public static func of(_ publicKey: Curve25519.Signing.PublicKey) -> String {
        String(Hash256.of(Array(publicKey.rawRepresentation)).hex.prefix(16))
    }
}
