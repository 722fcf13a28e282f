import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// File-backed attestation keys: generated on first use, rotated on request.
///
/// Layout of ``KeyStoreConfiguration/directory`` (mode 0700):
/// - `<key id>.key`: base64 of the 32-byte Ed25519 private key, mode 0600, created exclusively;
///   a key file readable by group or others is refused;
/// - `<key id>.pub`: base64 of the public key (kept forever, so old runs stay verifiable);
/// - `active`: the id of the key that signs new runs, replaced atomically by rename.
/// Rotation creates a new key, makes it active and deletes the previous private key file.
public struct KeyStore: Sendable {
    /// The configuration.
    public let configuration: KeyStoreConfiguration

    /// Creates a store; nothing is touched until first use.
    public init(configuration: KeyStoreConfiguration) { self.configuration = configuration }

    /// The active key, generating and storing one on first use.
    public func activeKey() throws(TranscriptError) -> SigningKey {
        try ensureDirectory()
        if let id = try readActiveID() { return try loadPrivateKey(id: id) }
        return try createAndActivate()
    }

    /// Creates a new key, makes it active, deletes the previous private key and returns the new one.
    @discardableResult
    public func rotate() throws(TranscriptError) -> SigningKey {
        try ensureDirectory()
        let previous = try readActiveID()
        let key = try createAndActivate()
        if let previous, previous != key.id { unlink(path("\(previous).key")) }
        return key
    }

    /// Every public key ever created here, active one first, then by id.
    public func publicKeys() throws(TranscriptError) -> [PublicKeyInfo] {
        try ensureDirectory()
        let active = try readActiveID()
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: configuration.directory) } catch {
            throw TranscriptError(.keyStore, "cannot list \(configuration.directory): \(error)")
        }
        var keys: [PublicKeyInfo] = []
        for name in names.sorted() where name.hasSuffix(".pub") {
            let text = try readText(path(name))
            guard let raw = Data(base64Encoded: text),
                let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
            else { throw TranscriptError(.keyStore, "\(name) is not a valid public key") }
            keys.append(PublicKeyInfo(key, active: KeyID.of(key) == active))
        }
        return keys.sorted { ($0.active ? 0 : 1, $0.keyID) < ($1.active ? 0 : 1, $1.keyID) }
    }

    private func createAndActivate() throws(TranscriptError) -> SigningKey {
        let key = SigningKey(privateKey: Curve25519.Signing.PrivateKey())
        try writeExclusive(path("\(key.id).key"), key.privateKey.rawRepresentation.base64EncodedString(), mode: 0o600)
        try writeExclusive(path("\(key.id).pub"), key.publicKey.rawRepresentation.base64EncodedString(), mode: 0o644)
        let temporary = path("active.\(key.id).tmp")
        try writeExclusive(temporary, key.id, mode: 0o644)
        guard rename(temporary, path("active")) == 0 else {
            throw TranscriptError(.keyStore, "cannot activate key \(key.id): errno \(errno)")
        }
        return key
    }

    private func loadPrivateKey(id: String) throws(TranscriptError) -> SigningKey {
        let file = path("\(id).key")
        var info = stat()
        guard stat(file, &info) == 0 else { throw TranscriptError(.keyStore, "active key file \(file) is missing") }
        guard info.st_mode & 0o077 == 0 else {
            throw TranscriptError(.keyStore, "\(file) is readable by group or others; refusing to use it (chmod 600)")
        }
        guard let raw = Data(base64Encoded: try readText(file)),
            let privateKey = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else { throw TranscriptError(.keyStore, "\(file) is not a valid Ed25519 private key") }
        let key = SigningKey(privateKey: privateKey)
        guard key.id == id else { throw TranscriptError(.keyStore, "\(file) holds key \(key.id), not \(id)") }
        return key
    }

    private func readActiveID() throws(TranscriptError) -> String? {
        let file = path("active")
        guard FileManager.default.fileExists(atPath: file) else { return nil }
        let id = try readText(file)
        guard id.count == 16, id.allSatisfy(\.isHexDigit) else {
            throw TranscriptError(.keyStore, "\(file) is corrupt")
        }
        return id
    }

    private func ensureDirectory() throws(TranscriptError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: configuration.directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw TranscriptError(.keyStore, "\(configuration.directory) is not a directory")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: configuration.directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            throw TranscriptError(.keyStore, "cannot create \(configuration.directory): \(error)")
        }
    }

    private func writeExclusive(_ file: String, _ text: String, mode: mode_t) throws(TranscriptError) {
        let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else { throw TranscriptError(.keyStore, "cannot create \(file): errno \(errno)") }
        defer { close(descriptor) }
        guard fchmod(descriptor, mode) == 0 else {
            throw TranscriptError(.keyStore, "cannot chmod \(file): errno \(errno)")
        }
        let bytes = Array((text + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw TranscriptError(.keyStore, "cannot write \(file): errno \(errno)")
        }
    }

    private func readText(_ file: String) throws(TranscriptError) -> String {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw TranscriptError(.keyStore, "cannot read \(file)")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func path(_ name: String) -> String { configuration.directory + "/" + name }
}
