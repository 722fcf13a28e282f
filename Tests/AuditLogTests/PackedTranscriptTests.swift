import AuditLog
import Crypto
import Foundation
import MarketModel
import Testing

@Suite("Transcript format version 2 (packed records)")
struct PackedTranscriptTests {
    /// An uncompressed transcript file of `version` around `body`, with a valid file digest.
    static func file(body: [UInt8], version: UInt8 = TranscriptFormat.version) -> [UInt8] {
        var writer = CanonicalWriter()
        writer.write(raw: TranscriptFormat.magic)
        writer.write(byte: version)
        writer.write(byte: TranscriptFormat.uncompressed)
        writer.write(unsigned: UInt64(body.count))
        writer.write(unsigned: UInt64(body.count))
        writer.write(raw: body)
        var bytes = writer.bytes
        bytes.append(contentsOf: Array(SHA256.hash(data: Data(bytes))))
        return bytes
    }

    /// The range of the packed tick frame's payload in `body`.
    static func packedRange(_ body: [UInt8]) throws -> Range<Int> {
        var reader = CanonicalReader(body)
        while !reader.isAtEnd {
            let kind = try reader.readByte()
            let range = try reader.skip(count: try reader.readCount())
            if kind == TranscriptFormat.FrameKind.packedTicks.rawValue { return range }
        }
        throw TranscriptError(.malformed, "no packed frame")
    }

    /// Records `fixture`'s run again in `version`.
    static func rewritten(_ transcript: Transcript, version: UInt8, compress: Bool = true) throws -> Transcript {
        let (decoded, records) = try Transcript.decode(transcript.bytes)
        var writer = TranscriptWriter(
            header: decoded.header, configuration: .init(compress: compress, version: version))
        for record in records { writer.append(record) }
        return writer.finish(results: decoded.results)
    }

    @Test("a version-2 file holds the same records and root as version 1, in fewer bytes, and verifies")
    func sameRecordsAsVersion1() throws {
        let fixture = try RunFixture(ticks: 40)
        let v1 = try Self.rewritten(fixture.transcript, version: TranscriptFormat.version1)
        #expect(fixture.transcript.bytes[4] == 2)
        #expect(v1.bytes[4] == 1)
        #expect(v1.root == fixture.transcript.root)
        #expect(try Transcript.decode(v1.bytes).records == Transcript.decode(fixture.transcript.bytes).records)
        #expect(fixture.transcript.bytes.count < v1.bytes.count)
        #expect(fixture.transcript.bodyByteCount < v1.bodyByteCount)
        #expect(fixture.verify().verified)
        let report = fixture.verify(v1.bytes, attestation: try fixture.key.sign(v1.manifest))
        #expect(report.verified)
        #expect(report.checks.first?.detail.hasSuffix("format v1") == true)
    }

    @Test("the same run gives byte-identical version-2 files")
    func deterministic() throws {
        let first = try RunFixture(ticks: 20, seed: 9)
        let second = try RunFixture(ticks: 20, seed: 9)
        #expect(first.transcript.bytes == second.transcript.bytes)
        let again = try Self.rewritten(first.transcript, version: TranscriptFormat.version)
        #expect(again.bytes == first.transcript.bytes)
    }

    @Test("a stored version-1 transcript (written before version 2) still verifies, signature included")
    func storedVersion1Verifies() throws {
        let bytes = StoredTranscriptV1.bytes
        #expect(bytes.count > 1_000)
        #expect(bytes[4] == TranscriptFormat.version1)
        let key = try SigningKey(rawRepresentation: StoredTranscriptV1.signingKeyBytes)
        let keys = [PublicKeyInfo(key.publicKey, active: true)]
        let verifier = TranscriptVerifier(configuration: .init(localEngineVersion: nil, pinnedKeys: true))
        let report = verifier.verify(
            transcriptBytes: bytes, attestationJSON: Array(StoredTranscriptV1.attestationJSON.utf8), publicKeys: keys)
        #expect(report.verified, "\(String(describing: report.divergence))")
        #expect(report.ticks == 60)
        #expect(report.events > 500)
        // Re-packed as version 2, the same records keep the same root and still replay.
        let (decoded, _) = try Transcript.decode(bytes)
        let packed = try Self.rewritten(decoded, version: TranscriptFormat.version)
        #expect(packed.root == decoded.root)
        #expect(packed.bytes.count < bytes.count)
        let repacked = TranscriptVerifier.verify(
            transcriptBytes: packed.bytes, attestation: try key.sign(packed.manifest), publicKeys: keys)
        #expect(repacked.verified, "\(String(describing: repacked.divergence))")
        #expect(repacked.events == report.events)
    }

    @Test("a changed record in a version-2 file is reported as the event that differs")
    func changedFillVersion2() throws {
        let fixture = try RunFixture()
        let (_, records) = try Transcript.decode(fixture.transcript.bytes)
        let (recordIndex, eventIndex) = try #require(TamperTests.firstFill(records))
        let forged = try fixture.forged { records in
            guard case .trade(var trade) = records[recordIndex].events[eventIndex] else { return }
            trade.makerFee.units += 1
            records[recordIndex].events[eventIndex] = .trade(trade)
        }
        #expect(forged[4] == TranscriptFormat.version)
        let report = fixture.verify(forged)
        #expect(report.divergence?.code == .eventMismatch)
        #expect(report.divergence?.tick == records[recordIndex].tick)
        #expect(report.divergence?.eventIndex == eventIndex)
    }

    @Test("every record kind round-trips, including ones the coder cannot predict")
    func unusualRecords() throws {
        let fixture = try RunFixture(ticks: 2)
        let (decoded, records) = try Transcript.decode(fixture.transcript.bytes)
        let request = OrderRequest(
            account: AccountID(4), instrument: InstrumentID(1), side: .sell, kind: .limit, price: Price(ticks: -5),
            quantity: Quantity(lots: .max), timeInForce: .postOnly, reduceOnly: true, clientTag: .max)
        let odd = TickRecord(
            tick: .max,
            inputs: [
                .command(origin: .house, .placeOrder(request)),
                .command(
                    origin: .house,
                    .cancelOrder(account: AccountID(.max), instrument: InstrumentID(7), order: OrderID(.max))),
                .command(
                    origin: .system(slot: .max), .cancelAll(account: AccountID(4), instrument: InstrumentID(.max))),
                .command(
                    origin: .bot(slot: 3),
                    .setLeverage(account: AccountID(4), instrument: InstrumentID(0), leverage: -1)),
                .timeout(slot: 1, strikes: 2),
            ],
            events: [
                .orderAccepted(order: OrderID(.max), request: request),
                .orderAccepted(order: OrderID(0), request: request),
                .orderCancelled(
                    account: AccountID(4), instrument: InstrumentID(1), order: OrderID(.max), clientTag: .max,
                    remaining: Quantity(lots: .max), reason: .requested),
                .orderCancelled(
                    account: AccountID(4), instrument: InstrumentID(1), order: OrderID(0), clientTag: 1,
                    remaining: Quantity(lots: 3), reason: .requested),
                .trade(
                    Trade(
                        instrument: InstrumentID(1), price: Price(ticks: .min), quantity: Quantity(lots: -7),
                        takerSide: .buy, makerAccount: AccountID(4), makerOrder: OrderID(12),
                        makerFee: Money(units: .min), takerAccount: AccountID(.max), takerOrder: OrderID(.max),
                        takerFee: Money(units: .max))),
                .realizedPnL(account: AccountID(9), instrument: InstrumentID(2), amount: Money(units: .min)),
                .priceUpdate(
                    instrument: InstrumentID(.max), index: Price(ticks: .max), mark: Price(ticks: .min),
                    fundingRate: Rate(units: .min)),
                .insuranceFund(balance: Money(units: -1)),
            ])
        var writer = TranscriptWriter(header: decoded.header)
        for record in records + [odd] { writer.append(record) }
        let packed = writer.finish(results: decoded.results)
        let (_, reread) = try Transcript.decode(packed.bytes)
        #expect(reread == records + [odd])
    }

    @Test("an account with more live orders than the coder tracks round-trips (the rest written in full)")
    func manyLiveOrders() throws {
        let fixture = try RunFixture(ticks: 1)
        let (decoded, records) = try Transcript.decode(fixture.transcript.bytes)
        var acceptances: [MarketEvent] = []
        var cancellations: [MarketEvent] = []
        for index in 0..<1_100 {
            let instrument = InstrumentID(UInt16(index % 2))
            let order = OrderRequest(
                account: AccountID(77), instrument: instrument, side: index % 3 == 0 ? .sell : .buy, kind: .limit,
                price: Price(ticks: 600_000 + Int64(index)), quantity: Quantity(lots: 10), timeInForce: .gtc,
                clientTag: UInt64(index))
            let id = OrderID(UInt64(90_000 + index))
            acceptances.append(.orderAccepted(order: id, request: order))
            let cancellation = MarketEvent.orderCancelled(
                account: AccountID(77), instrument: instrument, order: id, clientTag: UInt64(index),
                remaining: Quantity(lots: 10), reason: .requested)
            cancellations.insert(cancellation, at: 0)
        }
        let accepted = TickRecord(tick: 2, inputs: [], events: acceptances)
        let cancelAll = MarketCommand.cancelAll(account: AccountID(77), instrument: nil)
        let cancelled = TickRecord(
            tick: 3, inputs: [.command(origin: .bot(slot: 5), cancelAll)], events: cancellations)
        var writer = TranscriptWriter(header: decoded.header)
        for record in records + [accepted, cancelled] { writer.append(record) }
        let packed = writer.finish(results: decoded.results)
        #expect(try Transcript.decode(packed.bytes).records == records + [accepted, cancelled])
    }

    /// An uncompressed version-2 body and a check that a file around it verifies: the recorded
    /// fixture run (0) or the stored six-strategy backtest re-packed (1).
    static func fuzzSubject(_ source: Int) throws -> (body: [UInt8], verifies: ([UInt8]) -> Bool) {
        if source == 0 {
            let fixture = try RunFixture(ticks: 12, compress: false)
            return (TranscriptReader.body(of: fixture.transcript.bytes), { fixture.verify($0).verified })
        }
        let (decoded, _) = try Transcript.decode(StoredTranscriptV1.bytes)
        let packed = try rewritten(decoded, version: TranscriptFormat.version, compress: false)
        let key = try SigningKey(rawRepresentation: StoredTranscriptV1.signingKeyBytes)
        let attestation = try key.sign(packed.manifest)
        let keys = [PublicKeyInfo(key.publicKey, active: true)]
        return (
            TranscriptReader.body(of: packed.bytes),
            { TranscriptVerifier.verify(transcriptBytes: $0, attestation: attestation, publicKeys: keys).verified }
        )
    }

    @Test(
        "corrupted or truncated packed records fail with a TranscriptError, never a crash", arguments: [0, 1])
    func hostilePackedRecords(source: Int) throws {
        let (body, verifies) = try Self.fuzzSubject(source)
        #expect(verifies(Self.file(body: body)), "the untouched file verifies")
        let packed = try Self.packedRange(body)
        #expect(packed.count > 100)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var failures = 0
        for round in 0..<900 {
            var bytes = body
            switch round % 3 {
            case 0:  // flip one byte of the packed frame
                bytes[packed.lowerBound + random(packed.count)] ^= UInt8(1 + random(255))
            case 1:  // several random bytes
                for _ in 0..<4 { bytes[packed.lowerBound + random(packed.count)] = UInt8(random(256)) }
            default:  // a large varint somewhere (huge counts, lengths and differences)
                let at = packed.lowerBound + random(packed.count - 10)
                for offset in 0..<9 { bytes[at + offset] = 0xFF }
                bytes[at + 9] = 0x01
            }
            let file = Self.file(body: bytes)
            do {
                _ = try Transcript.decode(file)
            } catch {
                failures += 1
            }
            #expect(!verifies(file))
        }
        #expect(failures > 450, "most corruptions are refused while decoding")
        // Truncating the packed payload anywhere (the frame length re-written to agree).
        var frames = CanonicalReader(body)
        var frameStart = 0
        while !frames.isAtEnd {
            frameStart = frames.position
            let kind = try frames.readByte()
            if try frames.skip(count: try frames.readCount()) == packed { break }
            _ = kind
        }
        func reframed(_ payload: [UInt8]) -> [UInt8] {
            var frame = CanonicalWriter()
            frame.write(byte: TranscriptFormat.FrameKind.packedTicks.rawValue)
            frame.write(blob: payload)
            return Array(body[..<frameStart]) + frame.bytes + Array(body[packed.upperBound...])
        }
        for cut in stride(from: 1, to: packed.count, by: 5) {
            let file = Self.file(body: reframed(Array(body[packed.lowerBound..<packed.upperBound - cut])))
            #expect(throws: TranscriptError.self) { try Transcript.decode(file) }
            #expect(!verifies(file))
        }
        // A record count one more (the columns end inside a record) or one less (columns left over).
        var payload = CanonicalReader(body, range: packed)
        let count = try payload.readUnsigned()
        let rest = Array(body[payload.position..<packed.upperBound])
        for wrong in [count + 1, count - 1] {
            var head = CanonicalWriter()
            head.write(unsigned: wrong)
            let file = Self.file(body: reframed(head.bytes + rest))
            #expect(throws: TranscriptError.self) { try Transcript.decode(file) }
            #expect(!verifies(file))
        }
    }
}
