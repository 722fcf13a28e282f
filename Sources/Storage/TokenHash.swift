import Crypto
public import Foundation

/// Bearer tokens: generated with a CSPRNG, stored only as SHA-256.
public enum TokenHash {
    /// A new random token with a readable prefix (`pa_team_…`, `pa_org_…`).
    public static func generate(prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<24).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
        let body = bytes.map { String(alphabet[Int($0 & 63)]) }.joined()
        return "\(prefix)_\(body)"
    }

    /// SHA-256 of the token's UTF-8 bytes.
    public static func hash(_ token: String) -> Data { Data(SHA256.hash(data: Data(token.utf8))) }

    /// Hex SHA-256 of arbitrary bytes.
    public static func hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
