import AuditLog
import Foundation
import Testing

@Suite("Key store")
struct KeyStoreTests {
    static func temporaryDirectory() -> String {
        NSTemporaryDirectory() + "keystore-test-\(UUID().uuidString)/keys"
    }

    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("the first use creates one key, private file mode 0600, and later uses load the same key")
    func firstUse() throws {
        let directory = Self.temporaryDirectory()
        let store = KeyStore(configuration: KeyStoreConfiguration(directory: directory))
        let key = try store.activeKey()
        #expect(try Self.mode(directory + "/\(key.id).key") == 0o600)
        #expect(try Self.mode(directory) == 0o700)
        let again = try KeyStore(configuration: KeyStoreConfiguration(directory: directory)).activeKey()
        #expect(again.id == key.id)
        #expect(try store.publicKeys() == [PublicKeyInfo(key.publicKey, active: true)])
    }

    @Test("rotation activates a new key, keeps the old public key and deletes the old private key")
    func rotation() throws {
        let directory = Self.temporaryDirectory()
        let store = KeyStore(configuration: KeyStoreConfiguration(directory: directory))
        let old = try store.activeKey()
        let fixture = try RunFixture(ticks: 2)
        let oldAttestation = try old.sign(fixture.transcript.manifest)
        let new = try store.rotate()
        #expect(new.id != old.id)
        #expect(try store.activeKey().id == new.id)
        #expect(!FileManager.default.fileExists(atPath: directory + "/\(old.id).key"))
        let keys = try store.publicKeys()
        #expect(keys.map(\.keyID) == [new.id, old.id])
        #expect(keys.map(\.active) == [true, false])
        let report = TranscriptVerifier.verify(
            transcriptBytes: fixture.transcript.bytes, attestation: oldAttestation, publicKeys: keys)
        #expect(report.verified, "runs signed before a rotation stay verifiable")
    }

    @Test("a private key file readable by others is refused")
    func refusesLooseKey() throws {
        let directory = Self.temporaryDirectory()
        let store = KeyStore(configuration: KeyStoreConfiguration(directory: directory))
        let key = try store.activeKey()
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: directory + "/\(key.id).key")
        #expect(throws: TranscriptError.self) { try store.activeKey() }
    }
}
