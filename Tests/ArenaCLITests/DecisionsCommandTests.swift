import AuditLog
import Foundation
import MarketEngine
import Testing

/// `arena decisions FILE`: after publication a transcript's decisions are every team's text, read
/// in the reader's terminal, so they are shown inert.
@Suite("arena decisions")
struct DecisionsCommandTests {
    /// A one-team transcript whose decision at tick 1 carries `rationale`, bound to client id 21.
    static func transcript(rationale: String) throws -> [UInt8] {
        let key = try SigningKey(rawRepresentation: Array(repeating: UInt8(5), count: 32))
        var header = try TranscriptHeader(
            engineVersion: "test", runID: "run-x", contestID: "demo", seed: 3, configuration: .standard,
            members: [
                HeatMember(slot: 0, teamID: "1", label: "rival", submissionHash: String(repeating: "e", count: 64))
            ],
            attestationKeyID: key.id)
        header.runtimes = [MemberRuntime(slot: 0, name: "python-ml", lockSHA256: String(repeating: "7", count: 64))]
        // `arena decisions` reads what was recorded; binding checks are `arena verify`'s.
        var recorder = try RunRecorder(header: header)
        recorder.advance()
        let decision = DecisionRecord(
            clientIDs: [21], model: "m\u{1B}[2J", version: "1", inputsDigest: "", inputs: "x=1",
            output: "buy\r\u{202E}", rationale: rationale, confidence: "0.5")
        recorder.record(.decision(slot: 0, decision, digest: decision.digest))
        recorder.advance()
        return recorder.finish().bytes
    }

    @Test("escape sequences, carriage returns and bidi overrides in another team's decision are shown inert")
    func hostileTextIsInert() async throws {
        let rationale = "fine\u{1B}]0;owned\u{07}\nFAKE: tick 9 you lost\u{9B}31m"
        let bytes = try Self.transcript(rationale: rationale)
        try await OfflineCLI.with { cli in
            try Data(bytes).write(to: URL(fileURLWithPath: cli.work + "/run.patx"))
            let result = try await cli.cli.run(["decisions", "run.patx"])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("tick 1  rival  orders 21  m\\u{1B}[2J@1 → buy\\u{D}\\u{202E}"), "\(result)")
            #expect(result.stdout.contains("why: fine\\u{1B}]0;owned\\u{7}\\u{A}FAKE: tick 9 you lost\\u{9B}31m"))
            #expect(
                !result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x0D || $0.value == 0x202E })
            #expect(result.stdout.split(separator: "\n").count == 3, "one line per field, none injected: \(result)")
            #expect(result.stderr.contains("python-ml (lock sha256 7777"), "\(result)")
            // --json keeps the recorded text exactly (JSON escapes it).
            let json = try await cli.cli.run(["decisions", "run.patx", "--json"])
            let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
            let decisions = try #require(object?["decisions"] as? [[String: Any]])
            let decision = try #require(decisions.first?["decision"] as? [String: Any])
            #expect(decision["rationale"] as? String == rationale)
        }
    }
}
