import AuditLog
import Foundation
import Testing

@Suite("Attestation")
struct AttestationTests {
    static func manifest() -> RunManifest {
        let zero = Hash256(bytes: Array(repeating: 0, count: 32))
        return RunManifest(
            runID: "run-\"1\"", contestID: "demo", configurationHash: zero, seed: UInt64.max, engineVersion: "1.0",
            transcriptRoot: zero, resultsDigest: zero, tickCount: 3, transcriptSHA256: zero)
    }

    @Test("the signed manifest is canonical JSON with sorted keys and the seed as a string")
    func canonicalManifest() {
        let text = String(decoding: Self.manifest().canonicalJSON(), as: UTF8.self)
        let zeros = String(repeating: "0", count: 64)
        #expect(
            text == """
                {"config_hash":"\(zeros)","contest_id":"demo","engine_version":"1.0","results_digest":"\(zeros)",\
                "run_id":"run-\\"1\\"","seed":"18446744073709551615","tick_count":3,"transcript_root":"\(zeros)",\
                "transcript_sha256":"\(zeros)","version":1}
                """)
    }

    @Test("a signature verifies with its key only, and survives a JSON round trip")
    func signAndVerify() throws {
        let key = SigningKey.generate()
        let other = SigningKey.generate()
        let attestation = try key.sign(Self.manifest())
        #expect(attestation.keyID == key.id)
        #expect(key.id.count == 16)
        #expect(attestation.verify(publicKey: key.publicKey))
        #expect(!attestation.verify(publicKey: other.publicKey))
        let parsed = try Attestation.decode(json: try attestation.jsonData())
        #expect(parsed == attestation)
        #expect(parsed.verify(publicKey: key.publicKey))
        var altered = parsed
        altered.manifest.tickCount += 1
        #expect(!altered.verify(publicKey: key.publicKey))
    }

    @Test("a published key whose bytes do not hash to its id is not trusted")
    func keyIDBinding() {
        let key = SigningKey.generate()
        var entry = PublicKeyInfo(key.publicKey, active: true)
        #expect(entry.key() != nil)
        entry.keyID = "0000000000000000"
        #expect(entry.key() == nil)
    }

    @Test("the keys list parses in the served shape")
    func keysJSON() throws {
        let key = SigningKey.generate()
        let published = PublicKeyInfo(key.publicKey, active: true)
        let json = Data(#"[{"key_id":"\#(key.id)","public_key":"\#(published.publicKey)","active":true}]"#.utf8)
        let keys = try PublicKeyInfo.decodeList(json: json)
        #expect(keys == [published])
        #expect(keys.first?.key() != nil)
    }
}
