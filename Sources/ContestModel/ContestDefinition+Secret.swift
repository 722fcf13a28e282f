import Crypto
import Foundation

extension ContestDefinition {
    /// The secret part of the definition as canonical JSON (`{"invite_code":"…"}`), or nil when
    /// the contest has none. It is stored apart from the public definition and committed to by
    /// `secretCommitment(salt:)`.
    public func secretJSON() throws -> String? {
        guard let code = registration.inviteCode else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(["invite_code": code]), as: UTF8.self)
    }

    /// Lower-case hex SHA-256 of `salt` followed by the secret JSON's UTF-8 bytes. The random
    /// salt (32 bytes, kept with the secret) stops anyone from guessing a short invite code
    /// from the commitment; revealing salt and secret later proves what the secret was.
    public static func secretCommitment(secretJSON: String, salt: [UInt8]) -> String {
        SHA256.hash(data: Data(salt) + Data(secretJSON.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
