import AuditLog
import MarketEngine
import MarketModel
import Testing

/// Decisions recorded as tick inputs: in the transcript, covered by the chain and the signature,
/// checked by the verifier at their tick.
@Suite("Decision records")
struct DecisionTranscriptTests {
    static let rationale = "momentum over 5 ticks and a tight spread; RATIONALE-MARKER"

    /// A one-team run with a decision bound to the order of tick 2, and the runtime identity.
    static func record(compress: Bool = false, bind: UInt64 = 21) throws -> (Transcript, Attestation, SigningKey) {
        let key = try SigningKey(rawRepresentation: Array(repeating: UInt8(9), count: 32))
        var header = try TranscriptHeader(
            engineVersion: "test", runID: "run-d", contestID: "demo", seed: 7, configuration: .standard,
            members: [HeatMember(slot: 0, teamID: "1", label: "ml", submissionHash: String(repeating: "d", count: 64))],
            attestationKeyID: key.id)
        header.runtimes = [MemberRuntime(slot: 0, name: "python-ml", lockSHA256: String(repeating: "5", count: 64))]
        var recorder = try RunRecorder(header: header, writer: .init(compress: compress))
        var account: AccountID?
        for case .accountOpened(let opened, _) in recorder.apply(
            .openAccount(deposit: .usdt(10_000)), origin: .system(slot: 0))
        {
            account = opened
        }
        recorder.advance()
        for step in 1...3 {
            if step == 2 {
                let decision = DecisionRecord(
                    clientIDs: [bind], model: "lgbm-direction", version: "1f9d2bd2d304", inputsDigest: "sha256:ab",
                    inputs: "ret_5=0.0012", output: "p_up=0.61 -> buy", rationale: rationale, confidence: "0.22")
                recorder.record(.decision(slot: 0, decision, digest: decision.digest))
            }
            let mark = recorder.exchange.market(InstrumentID(0)).mark
            recorder.apply(
                .placeOrder(
                    OrderRequest(
                        account: try #require(account), instrument: InstrumentID(0), side: .buy, kind: .limit,
                        price: Price(ticks: mark.ticks - 50), quantity: Quantity(lots: 10), timeInForce: .gtc,
                        clientTag: UInt64(step * 10 + 1))),
                origin: .bot(slot: 0))
            recorder.advance()
        }
        let transcript = recorder.finish()
        return (transcript, try key.sign(transcript.manifest), key)
    }

    static func verify(_ bytes: [UInt8], _ attestation: Attestation, _ key: SigningKey) -> VerificationReport {
        TranscriptVerifier.verify(
            transcriptBytes: bytes, attestation: attestation, publicKeys: [PublicKeyInfo(key.publicKey, active: true)])
    }

    @Test("a decision bound to an order is in the transcript, with the runtime identity, and verifies")
    func recordedAndVerified() throws {
        let (transcript, attestation, key) = try Self.record(compress: true)
        let (decoded, records) = try Transcript.decode(transcript.bytes)
        #expect(
            decoded.header.runtimes == [
                MemberRuntime(slot: 0, name: "python-ml", lockSHA256: String(repeating: "5", count: 64))
            ])
        let found = records.flatMap { record in
            record.inputs.compactMap { input -> (Int64, DecisionRecord)? in
                if case .decision(_, let decision, _) = input { return (record.tick, decision) }
                return nil
            }
        }
        #expect(found.count == 1)
        #expect(found.first?.0 == 2)
        #expect(found.first?.1.clientIDs == [21])
        #expect(found.first?.1.rationale == Self.rationale)
        #expect(Self.verify(transcript.bytes, attestation, key).verified)
    }

    @Test("changing one byte of a decision fails verification at its tick")
    func flippedByte() throws {
        let (transcript, attestation, key) = try Self.record()
        var bytes = transcript.bytes
        let needle = Array("RATIONALE-MARKER".utf8)
        let start = try #require(
            (0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle })
        bytes[start] ^= 0x01  // "R" → "S"
        // A careful forger also fixes the file's trailing digest.
        let digest = Hash256.of(Array(bytes[..<(bytes.count - 32)]))
        bytes.replaceSubrange((bytes.count - 32)..., with: digest.bytes)
        let report = Self.verify(bytes, attestation, key)
        #expect(!report.verified)
        #expect(report.divergence?.code == .decisionMismatch)
        #expect(report.divergence?.tick == 2)
        #expect(report.checks.first { $0.name == "chain" }?.passed == false)
    }

    @Test("a decision bound to an order its bot did not send fails verification")
    func unboundDecision() throws {
        let (transcript, attestation, key) = try Self.record(bind: 99)
        let report = Self.verify(transcript.bytes, attestation, key)
        #expect(report.divergence?.code == .decisionMismatch)
        #expect(report.divergence?.message.contains("client_id 99") == true)
    }

    @Test("a header without runtimes encodes exactly as before the field existed")
    func headerBackwardCompatible() throws {
        let header = try TranscriptHeader(
            engineVersion: "e", runID: "r", contestID: "c", seed: 1, configuration: .standard, members: [],
            attestationKeyID: "k")
        let decoded = try TranscriptHeader.decode(header.encoded(), range: 0..<header.encoded().count)
        #expect(decoded.runtimes.isEmpty)
        #expect(decoded.encoded() == header.encoded())
        var with = header
        with.runtimes = [MemberRuntime(slot: 0, name: "python-ml", lockSHA256: "ab")]
        #expect(with.encoded().starts(with: header.encoded()))
        #expect(try TranscriptHeader.decode(with.encoded(), range: 0..<with.encoded().count).runtimes == with.runtimes)
    }
}
