public import Foundation

/// The secret part of a contest definition (today: the invite code) as stored apart from the
/// public definition: `sha256` is the public commitment, SHA-256 of `salt` followed by the
/// secret JSON's UTF-8 bytes.
public struct ContestSecretRecord: Sendable, Equatable {
    /// 32 random bytes.
    public var salt: Data
    /// Canonical JSON of the secret part.
    public var json: String
    /// Lower-case hex SHA-256 of `salt || json`.
    public var sha256: String

    public init(salt: Data, json: String, sha256: String) {
        self.salt = salt
        self.json = json
        self.sha256 = sha256
    }
}
