import AuditLog
import Crypto
import Foundation
import Testing

@Suite("Canonical attestation")
struct CanonicalAttestationTests {
    static let fixture = Result { try RunFixture(ticks: 6) }

    static func served() throws -> (RunFixture, [UInt8]) {
        let fixture = try fixture.get()
        return (fixture, Array(try fixture.attestation.jsonData()))
    }

    /// The serving form before this check existed: `JSONEncoder`, sorted keys, unescaped slashes.
    static func legacyJSON(_ attestation: Attestation) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(attestation))
    }

    @Test("the canonical form is byte for byte the form attestations were always stored in")
    func formatUnchanged() throws {
        let (fixture, bytes) = try Self.served()
        let legacy = try Self.legacyJSON(fixture.attestation)
        #expect(bytes == legacy)
        var slashed = fixture.attestation
        slashed.manifest.engineVersion = "perparena-engine/1"
        slashed.manifest.runID = "run \"7\" ü"
        let legacySlashed = try Self.legacyJSON(slashed)
        #expect(slashed.canonicalJSON() == legacySlashed)
        let decoded = try Attestation.decodeCanonical(json: bytes)
        #expect(decoded == fixture.attestation)
    }

    /// Edits of the served bytes that keep the content but leave the canonical form.
    enum Edit: String, CaseIterable, Sendable {
        case addedTopLevelField, addedManifestField, whitespace, trailingNewline, reorderedKeys, duplicateKey

        func apply(_ json: String) -> String {
            switch self {
            case .addedTopLevelField:
                return json.replacingOccurrences(of: "{\"algorithm\"", with: "{\"note\":\"x\",\"algorithm\"")
            case .addedManifestField:
                return json.replacingOccurrences(of: "\"version\":1}", with: "\"version\":1,\"zz\":0}")
            case .whitespace:
                return json.replacingOccurrences(of: "\",\"", with: "\", \"")
            case .trailingNewline:
                return json + "\n"
            case .reorderedKeys:
                guard let signature = json.range(of: ",\"signature\":") else { return json }
                let body = String(json[json.index(after: json.startIndex)..<signature.lowerBound])
                let tail = String(json[signature.upperBound..<json.index(before: json.endIndex)])
                return "{\"signature\":\(tail),\(body)}"
            case .duplicateKey:
                return json.replacingOccurrences(
                    of: "{\"algorithm\":\"ed25519\"", with: "{\"algorithm\":\"ed25519\",\"algorithm\":\"ed25519\"")
            }
        }
    }

    @Test("bytes that are not the canonical signed form are rejected", arguments: Edit.allCases)
    func rejectsNonCanonical(_ edit: Edit) throws {
        let (fixture, bytes) = try Self.served()
        let edited = Array(edit.apply(String(decoding: bytes, as: UTF8.self)).utf8)
        #expect(edited != bytes, "the edit changes the bytes (\(edit))")
        #expect(throws: TranscriptError.self) { try Attestation.decodeCanonical(json: edited) }
        let report = TranscriptVerifier().verify(
            transcriptBytes: fixture.transcript.bytes, attestationJSON: edited, publicKeys: fixture.publicKeys)
        #expect(
            report.divergence?.code == .attestationNotCanonical, "\(edit): \(String(describing: report.divergence))")
        #expect(report.divergence?.message.hasPrefix("attestation is not canonical") == true)
        #expect(
            report.checks.first { $0.name == "replay" }?.passed == nil,
            "nothing vouches for the transcript, so it is not decoded")
    }

    @Test("PostgreSQL jsonb's rendering of an attestation is not canonical")
    func jsonbRenderingRejected() throws {
        let (fixture, _) = try Self.served()
        let a = fixture.attestation
        let m = a.manifest
        let jsonb = """
            {"key_id": "\(a.keyID)", "manifest": {"seed": "\(m.seed)", "run_id": "\(m.runID)", "version": 1, \
            "contest_id": "\(m.contestID)", "tick_count": \(m.tickCount), "config_hash": "\(m.configurationHash.hex)", \
            "engine_version": "\(m.engineVersion)", "results_digest": "\(m.resultsDigest.hex)", \
            "transcript_root": "\(m.transcriptRoot.hex)", "transcript_sha256": "\(m.transcriptSHA256.hex)"}, \
            "algorithm": "ed25519", "signature": "\(a.signature)"}
            """
        let content = try Attestation.decode(json: Data(jsonb.utf8))
        #expect(content == a, "same content")
        #expect(throws: TranscriptError.self) { try Attestation.decodeCanonical(json: Array(jsonb.utf8)) }
    }

    @Test("canonical served bytes verify end to end")
    func canonicalVerifies() throws {
        let (fixture, bytes) = try Self.served()
        let report = TranscriptVerifier().verify(
            transcriptBytes: fixture.transcript.bytes, attestationJSON: bytes, publicKeys: fixture.publicKeys)
        #expect(report.verified, "\(String(describing: report.divergence))")
        #expect(report.manifest == fixture.attestation.manifest)
    }

    @Test("with pinned keys, a signature by another published key is an untrusted key")
    func pinnedSetEnforced() throws {
        let (fixture, bytes) = try Self.served()
        let other = SigningKey.generate()
        let pinning = KeyPinning(keys: [PublicKeyInfo(other.publicKey, active: true)])
        let (trusted, warnings) = pinning.trusted(served: fixture.publicKeys)
        #expect(warnings.isEmpty)
        let verifier = TranscriptVerifier(configuration: .init(pinnedKeys: true))
        let report = verifier.verify(
            transcriptBytes: fixture.transcript.bytes, attestationJSON: bytes, publicKeys: trusted)
        #expect(report.divergence?.code == .untrustedKey)
        #expect(report.divergence?.message.contains("not in the pinned set") == true)

        let byFingerprint = KeyPinning(fingerprints: [fixture.key.id]).trusted(served: fixture.publicKeys + trusted)
        #expect(byFingerprint.keys.map(\.keyID) == [fixture.key.id])
        let unpinned = KeyPinning().trusted(served: fixture.publicKeys)
        #expect(unpinned.warnings == [KeyPinning.serverAnchorWarning])
        let hex = Hash256.hex(fixture.key.publicKey.rawRepresentation)
        let parsed = try KeyPinning.parseKey(hex)
        #expect(parsed.keyID == fixture.key.id)
        #expect(throws: TranscriptError.self) { try KeyPinning.parseKey("abcd") }
    }
}
