import Crypto
import Foundation

extension ContestDefinition {
    /// Canonical JSON (sorted keys) of the whole definition, secrets included.
    public func canonicalJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The definition anyone may see: the secret part (the invite code) removed. Private rounds
    /// carry no seed in any definition, so nothing else is secret.
    public var publicDefinition: ContestDefinition {
        var copy = self
        copy.registration.inviteCode = nil
        return copy
    }

    /// Canonical JSON of `publicDefinition`: what the server stores, serves and hashes.
    public func publicCanonicalJSON() throws -> String { try publicDefinition.canonicalJSON() }

    /// Hex SHA-256 of the public canonical JSON: the contest's `definition_sha256`, bound into
    /// every run's transcript header as its contest configuration hash.
    public func sha256() throws -> String {
        SHA256.hash(data: Data(try publicCanonicalJSON().utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Decodes a stored definition.
    public static func decode(json: String) throws -> ContestDefinition {
        try JSONDecoder().decode(ContestDefinition.self, from: Data(json.utf8))
    }
}
