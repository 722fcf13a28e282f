import Crypto
import Foundation

/// Which attestation keys to trust: keys and fingerprints the user pinned, or else whatever the
/// server serves (then the only trust anchor is the server that also serves the transcripts).
public struct KeyPinning: Sendable {
    /// Warning printed when nothing is pinned.
    public static let serverAnchorWarning = "trust anchor: the server itself — pin a key with --fingerprint"

    /// Public keys given in full (`--key`, `--keys FILE`).
    public var keys: [PublicKeyInfo]
    /// Key fingerprints (`--fingerprint`): a key id, or a longer prefix of the SHA-256 of the raw
    /// public key, in hex.
    public var fingerprints: [String]

    /// Creates a pinning.
    public init(keys: [PublicKeyInfo] = [], fingerprints: [String] = []) {
        self.keys = keys
        self.fingerprints = fingerprints.map { $0.lowercased() }
    }

    /// Whether the user pinned anything.
    public var isPinned: Bool { !keys.isEmpty || !fingerprints.isEmpty }

    /// Parses a `--key` value: 64 hex digits (or base64) of a raw 32-byte Ed25519 public key.
    public static func parseKey(_ text: String) throws(TranscriptError) -> PublicKeyInfo {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var raw: [UInt8]?
        if trimmed.count == 64, let bytes = Self.hexBytes(trimmed.lowercased()) {
            raw = bytes
        } else if let data = Data(base64Encoded: trimmed) {
            raw = Array(data)
        }
        guard let raw, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
            throw TranscriptError(.attestation, "--key \(text) is not a 32-byte Ed25519 public key in hex (or base64)")
        }
        return PublicKeyInfo(key, active: true)
    }

    /// Checks a `--fingerprint` value: at least 16 hex digits.
    public static func validFingerprint(_ text: String) -> Bool {
        text.count >= 16 && text.count <= 64 && text.lowercased().allSatisfy { $0.isHexDigit }
    }

    /// The keys to trust given the keys the server (or a downloaded keys file) serves, and notes.
    public func trusted(served: [PublicKeyInfo]) -> (keys: [PublicKeyInfo], warnings: [String]) {
        guard isPinned else { return (served.filter { $0.key() != nil }, [Self.serverAnchorWarning]) }
        var trusted = keys.filter { $0.key() != nil }
        var warnings: [String] = []
        for fingerprint in fingerprints {
            let matches = served.filter { entry in
                guard let key = entry.key() else { return false }
                return Hash256.of(Array(key.rawRepresentation)).hex.hasPrefix(fingerprint)
            }
            if matches.isEmpty {
                warnings.append(
                    "pinned fingerprint \(fingerprint) matches no served key (pass the key itself with --key)")
            }
            for entry in matches where !trusted.contains(where: { $0.keyID == entry.keyID }) { trusted.append(entry) }
        }
        return (trusted, warnings)
    }

    private static func hexBytes(_ text: String) -> [UInt8]? {
        guard let hash = Hash256(hex: text) else { return nil }
        return hash.bytes
    }
}
