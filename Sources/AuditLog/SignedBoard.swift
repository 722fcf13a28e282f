public import Crypto
import Foundation

/// A board snapshot with the platform's Ed25519 signature, as served at
/// `GET /v1/contests/{id}/board` (canonical JSON:
/// `{"algorithm":"ed25519","key_id":…,"signature":…,"snapshot":{…}}`).
public struct SignedBoard: Hashable, Sendable {
    /// Domain-separation prefix of the signed message.
    public static let context: [UInt8] = Array("perparena-board-v1\n".utf8)

    /// Always `ed25519`.
    public var algorithm: String
    /// ``KeyID`` of the signing key.
    public var keyID: String
    /// Base64 of the 64-byte signature over ``context`` + the snapshot's canonical JSON.
    public var signature: String
    /// What is signed.
    public var snapshot: BoardSnapshot

    /// Creates a signed board from its parts (normally via ``sign(_:with:)``).
    public init(algorithm: String = "ed25519", keyID: String, signature: String, snapshot: BoardSnapshot) {
        self.algorithm = algorithm
        self.keyID = keyID
        self.signature = signature
        self.snapshot = snapshot
    }

    /// Signs `snapshot` with the platform key.
    public static func sign(_ snapshot: BoardSnapshot, with key: SigningKey) throws -> SignedBoard {
        let signature = try key.privateKey.signature(for: context + snapshot.canonicalJSON())
        return SignedBoard(keyID: key.id, signature: Data(signature).base64EncodedString(), snapshot: snapshot)
    }

    /// Whether the signature is valid for `publicKey`.
    public func verify(publicKey: Curve25519.Signing.PublicKey) -> Bool {
        guard algorithm == "ed25519", let raw = Data(base64Encoded: signature), raw.count == 64 else { return false }
        return publicKey.isValidSignature(raw, for: Self.context + snapshot.canonicalJSON())
    }

    /// The served bytes.
    public func canonicalJSON() -> [UInt8] {
        CanonicalJSON.object([
            "algorithm": .string(algorithm), "key_id": .string(keyID), "signature": .string(signature),
            "snapshot": snapshot.json,
        ]).encoded()
    }

    /// Parses served bytes, which must be exactly canonical (no added field, no reordering, no
    /// whitespace) and carry every documented field.
    public static func decode(canonical bytes: [UInt8]) throws(TranscriptError) -> SignedBoard {
        let value = try CanonicalJSON.parseCanonical(bytes, what: "the board")
        let fields = try CanonicalFields(
            value, keys: ["algorithm", "key_id", "signature", "snapshot"], context: "signed board")
        let board = SignedBoard(
            algorithm: try fields.string("algorithm"), keyID: try fields.string("key_id"),
            signature: try fields.string("signature"), snapshot: try BoardSnapshot(json: fields.value("snapshot")))
        guard board.canonicalJSON() == bytes else {
            throw TranscriptError(.malformed, "the board is not canonical (a value is not in its one written form)")
        }
        return board
    }
}
