import AuditLog
import Crypto
import Foundation
import HeatRunner
import ModelGateway
import Testing

@Suite("Recorded model exchanges and verify")
struct TranscriptTamperTests {
    @Test("verify passes with no model reachable; one changed byte of a recorded completion fails it")
    func oneByteFailsVerify() async throws {
        let (outcome, _) = try await AgentHeat(ticks: 4, thinkingTime: .zero).run()
        let keys = [PublicKeyInfo(AgentHeat.key.publicKey, active: true)]
        let clean = TranscriptVerifier.verify(
            transcriptBytes: outcome.transcript.bytes, attestation: outcome.attestation, publicKeys: keys)
        #expect(clean.verified)

        let reader = try TranscriptReader(bytes: outcome.transcript.bytes)
        var body = reader.body
        let needle = Array("\"justification\":\"mark".utf8)
        let at = try #require(Self.find(needle, in: body))
        body[at + 1] ^= 0x20  // "justification" → "Justification"
        let tampered = Self.file(body: body)
        let report = TranscriptVerifier.verify(
            transcriptBytes: tampered, attestation: outcome.attestation, publicKeys: keys)
        #expect(!report.verified)
        #expect(report.divergence?.code == .chainRootMismatch)
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<start + needle.count]) == needle { return start }
        }
        return nil
    }

    /// An uncompressed transcript file around `body`, with a valid file digest (a careful forger).
    static func file(body: [UInt8]) -> [UInt8] {
        var writer = CanonicalWriter()
        writer.write(raw: TranscriptFormat.magic)
        writer.write(byte: TranscriptFormat.version)
        writer.write(byte: TranscriptFormat.uncompressed)
        writer.write(unsigned: UInt64(body.count))
        writer.write(unsigned: UInt64(body.count))
        writer.write(raw: body)
        var bytes = writer.bytes
        bytes.append(contentsOf: Array(SHA256.hash(data: Data(bytes))))
        return bytes
    }
}
