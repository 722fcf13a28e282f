import Crypto
import Foundation

extension ContestDefinition {
    /// Canonical JSON (sorted keys) as stored in the database and hashed.
    public func canonicalJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Hex SHA-256 of the canonical JSON.
    public func sha256() throws -> String {
        SHA256.hash(data: Data(try canonicalJSON().utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Decodes a stored definition.
    public static func decode(json: String) throws -> ContestDefinition {
        try JSONDecoder().decode(ContestDefinition.self, from: Data(json.utf8))
    }
}
