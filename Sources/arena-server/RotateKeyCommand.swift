import ArgumentParser
import AuditLog
import Foundation
import Storage

/// `arena-server rotate-key`: replaces the attestation key of this state directory's runners.
struct RotateKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-key",
        abstract: "Rotate the attestation (signing) key of the runners using this state directory.",
        discussion: """
            Creates a new Ed25519 key in $ARENA_STATE_DIR/keys, makes it active, deletes the previous
            private key and publishes every public key in the database (the old ones as inactive, so
            GET /v1/keys keeps serving them and earlier transcripts stay verifiable). Restart the
            runners of this state directory afterwards (SIGTERM is safe: a heat in progress is handed
            back and re-run). Example: ARENA_STATE_DIR=/var/lib/perparena/runner-1 arena-server rotate-key
            """)

    @OptionGroup var options: ServerOptions

    func run() async throws {
        let environment = try ServerEnvironment.make(options, label: "perparena.rotate-key")
        defer { environment.shutdown() }
        let keys = KeyStore(configuration: KeyStoreConfiguration(directory: environment.stateDirectory + "/keys"))
        try await withDatabase(environment) {
            _ = try await environment.migrate()
            let key = try keys.rotate()
            for info in try keys.publicKeys() {
                guard let raw = Data(base64Encoded: info.publicKey) else { continue }
                try await environment.store.registerPublicKey(keyId: info.keyID, publicKey: raw, active: info.active)
            }
            try await environment.store.appendAudit(actor: "system", action: "key.rotated", subject: "key:\(key.id)")
            print("active attestation key: \(key.id)")
        }
    }
}
