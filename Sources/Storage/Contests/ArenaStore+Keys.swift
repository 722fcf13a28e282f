public import Foundation
import PostgresNIO

extension ArenaStore {
    /// A public attestation key as served at `/v1/keys`.
    public struct PublicKeyRecord: Sendable, Equatable {
        public var keyId: String
        public var publicKey: Data
        public var active: Bool
    }

    /// Records a runner's public key (idempotent).
    public func registerPublicKey(keyId: String, publicKey: Data, active: Bool) async throws {
        try await client.query(
            """
            INSERT INTO attestation_keys (key_id, public_key, active) VALUES (\(keyId), \(publicKey), \(active))
            ON CONFLICT (key_id) DO UPDATE SET active = EXCLUDED.active
            """, logger: logger)
    }

    /// Every public key, active first.
    public func publicKeys() async throws -> [PublicKeyRecord] {
        let rows = try await client.query(
            "SELECT key_id, public_key, active FROM attestation_keys ORDER BY active DESC, created_at, key_id",
            logger: logger)
        var result: [PublicKeyRecord] = []
        for try await (id, key, active) in rows.decode((String, Data, Bool).self) {
            result.append(PublicKeyRecord(keyId: id, publicKey: key, active: active))
        }
        return result
    }
}
