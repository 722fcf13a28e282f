import AuditLog
import MarketModel
import Testing

@Suite("Tamper detection")
struct TamperTests {
    /// Index of the first fill of the run: (record index, event index).
    static func firstFill(_ records: [TickRecord]) -> (Int, Int)? {
        for (recordIndex, record) in records.enumerated() {
            if let eventIndex = record.events.firstIndex(where: { if case .trade = $0 { true } else { false } }) {
                return (recordIndex, eventIndex)
            }
        }
        return nil
    }

    @Test("changing one fill fails verification, naming the tick and the event")
    func changedFill() throws {
        let fixture = try RunFixture()
        let (_, records) = try Transcript.decode(fixture.transcript.bytes)
        let (recordIndex, eventIndex) = try #require(Self.firstFill(records))
        let forged = try fixture.forged { records in
            guard case .trade(var trade) = records[recordIndex].events[eventIndex] else { return }
            trade.quantity.lots += 1
            records[recordIndex].events[eventIndex] = .trade(trade)
        }
        let report = fixture.verify(forged)
        #expect(!report.verified)
        let divergence = try #require(report.divergence)
        #expect(divergence.code == .eventMismatch)
        #expect(divergence.tick == records[recordIndex].tick)
        #expect(divergence.eventIndex == eventIndex)
        #expect(divergence.expected.contains("trade"))
        #expect(divergence.expected != divergence.found)
    }

    @Test("a fill edited in place in an uncompressed version-1 file is reported as that event")
    func editedBytesInPlace() throws {
        let fixture = try RunFixture(compress: false, version: TranscriptFormat.version1)
        let (_, records) = try Transcript.decode(fixture.transcript.bytes)
        let (recordIndex, eventIndex) = try #require(Self.firstFill(records))
        var writer = CanonicalWriter()
        writer.write(records[recordIndex].events[eventIndex])
        let needle = writer.bytes
        var bytes = fixture.transcript.bytes
        let start = try #require(
            (0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle })
        bytes[start + 2] ^= 0x02  // the price's low varint byte
        let report = fixture.verify(bytes)
        #expect(report.divergence?.code == .eventMismatch)
        #expect(report.divergence?.tick == records[recordIndex].tick)
        #expect(report.divergence?.eventIndex == eventIndex)
    }

    @Test("changing any single byte of the file is detected")
    func everyByte() throws {
        let fixture = try RunFixture(ticks: 3)
        let original = fixture.transcript.bytes
        #expect(fixture.verify().verified)
        for index in original.indices {
            var bytes = original
            bytes[index] ^= 0x01
            #expect(!fixture.verify(bytes).verified, "flipping byte \(index) of \(original.count) went unnoticed")
        }
    }

    @Test("reordering two tick records is detected at the first out-of-place tick")
    func reordered() throws {
        let fixture = try RunFixture()
        let forged = try fixture.forged { $0.swapAt(3, 4) }
        let report = fixture.verify(forged)
        #expect(report.divergence?.code == .tickMismatch)
        #expect(report.divergence?.tick == 3)
    }

    @Test("dropping a tick record is detected")
    func dropped() throws {
        let fixture = try RunFixture()
        let forged = try fixture.forged { _ = $0.remove(at: 5) }
        let report = fixture.verify(forged)
        #expect(report.divergence?.code == .tickMismatch)
        #expect(report.divergence?.tick == 5)
    }

    @Test("dropping a recorded input is detected as a divergence in that tick")
    func droppedInput() throws {
        let fixture = try RunFixture()
        let forged = try fixture.forged { _ = $0[4].inputs.remove(at: 2) }  // bravo's market order
        let report = fixture.verify(forged)
        #expect(!report.verified)
        #expect(report.divergence?.tick == 4)
    }

    @Test("truncating the file anywhere is detected", arguments: [1, 10, 33, 100])
    func truncatedBytes(cut: Int) throws {
        let fixture = try RunFixture()
        let bytes = Array(fixture.transcript.bytes.dropLast(cut))
        let report = fixture.verify(bytes)
        #expect(!report.verified)
        #expect(report.divergence?.code == .malformedTranscript || report.divergence?.code == .fileDigestMismatch)
    }

    @Test("cutting the last ticks and re-chaining is detected by the results and the signature")
    func truncatedRecords() throws {
        let fixture = try RunFixture()
        let forged = try fixture.forged { $0.removeLast(3) }
        let report = fixture.verify(forged)
        #expect(report.divergence?.code == .resultsMismatch)
        #expect(report.checks.first { $0.name == "attestation" }?.passed == false)
    }

    @Test("re-signing with another key is detected, whichever key id it claims")
    func resigned() throws {
        let fixture = try RunFixture(ticks: 3)
        let attacker = SigningKey.generate()
        let ownID = try attacker.sign(fixture.transcript.manifest)
        #expect(fixture.verify(attestation: ownID).divergence?.code == .unknownKey)
        var claimed = ownID
        claimed.keyID = fixture.key.id
        #expect(fixture.verify(attestation: claimed).divergence?.code == .signatureInvalid)
    }

    @Test("an attestation for different results or another transcript is refused")
    func manifestMismatch() throws {
        let fixture = try RunFixture(ticks: 3)
        var manifest = fixture.transcript.manifest
        manifest.resultsDigest = Hash256.of([1, 2, 3])
        let signed = try fixture.key.sign(manifest)
        let report = fixture.verify(attestation: signed)
        #expect(report.divergence?.code == .manifestMismatch)
        #expect(report.divergence?.message.contains("results_digest") == true)
    }
}

@Suite("Signature before decoding")
struct SignatureGateTests {
    @Test("bytes that are not a transcript, with a forged signature, are refused without being decoded")
    func forgedSignatureStopsBeforeDecoding() throws {
        let fixture = try RunFixture(ticks: 3)
        var forged = fixture.attestation
        forged.manifest.tickCount += 1
        let garbage = [UInt8](repeating: 0xA5, count: 4096)
        let report = fixture.verify(garbage, attestation: forged)
        #expect(report.divergence?.code == .signatureInvalid)
        let structure = try #require(report.checks.first { $0.name == "structure" })
        #expect(structure.passed == nil, "the transcript must not be decoded: \(structure.detail)")
        #expect(report.checks.first { $0.name == "replay" }?.passed == nil)
        #expect(report.ticks == 0)
    }

    @Test("an attestation by a key nobody published stops before decoding, even over real bytes")
    func unknownKeyStopsBeforeDecoding() throws {
        let fixture = try RunFixture(ticks: 3)
        let attacker = SigningKey.generate()
        let report = fixture.verify(attestation: try attacker.sign(fixture.transcript.manifest))
        #expect(report.divergence?.code == .unknownKey)
        #expect(report.checks.first { $0.name == "replay" }?.passed == nil)
        #expect(report.events == 0)
    }

    @Test("a genuine attestation over changed bytes still replays and names the changed tick")
    func genuineAttestationStillDiagnoses() throws {
        let fixture = try RunFixture()
        let (_, records) = try Transcript.decode(fixture.transcript.bytes)
        let (recordIndex, eventIndex) = try #require(TamperTests.firstFill(records))
        let forged = try fixture.forged { records in
            guard case .trade(var trade) = records[recordIndex].events[eventIndex] else { return }
            trade.quantity.lots += 1
            records[recordIndex].events[eventIndex] = .trade(trade)
        }
        let report = fixture.verify(forged)
        #expect(report.divergence?.code == .eventMismatch)
        #expect(report.divergence?.tick == records[recordIndex].tick)
        #expect(report.checks.first { $0.name == "attestation" }?.passed == false)
    }

    @Test("the honest run with its attestation still verifies")
    func honestRunVerifies() throws {
        let report = try RunFixture(ticks: 3).verify()
        #expect(report.verified, "\(String(describing: report.divergence))")
        #expect(report.ticks > 0)
    }
}
