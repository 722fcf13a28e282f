import AuditLog
import MarketModel
import Testing

@Suite("Transcript file")
struct TranscriptTests {
    @Test("a written transcript decodes to the same header, records, root and results")
    func roundTrip() throws {
        let fixture = try RunFixture(ticks: 6)
        let (decoded, records) = try Transcript.decode(fixture.transcript.bytes)
        #expect(decoded.header == fixture.transcript.header)
        #expect(decoded.root == fixture.transcript.root)
        #expect(decoded.results == fixture.transcript.results)
        #expect(records.count == 7)
        #expect(records.map(\.tick) == Array(0...6))
        #expect(records[0].inputs.count == 3)
    }

    @Test("the root is SHA-256 chained over the header and each record in order")
    func chainDefinition() throws {
        let fixture = try RunFixture(ticks: 3)
        let (decoded, records) = try Transcript.decode(fixture.transcript.bytes)
        var link = Hash256.of(decoded.header.encoded())
        for record in records { link = Hash256.of(link.bytes + record.encoded()) }
        #expect(link == decoded.root)
    }

    @Test("recording the same run twice gives identical bytes")
    func deterministic() throws {
        let first = try RunFixture(ticks: 5, seed: 7)
        let second = try RunFixture(ticks: 5, seed: 7)
        #expect(first.transcript.bytes == second.transcript.bytes)
        #expect(first.transcript.root == second.transcript.root)
    }

    @Test("compression shrinks the file and does not change the root")
    func compression() throws {
        let packed = try RunFixture(ticks: 30, compress: true)
        let plain = try RunFixture(ticks: 30, compress: false)
        #expect(packed.transcript.bytes.count < plain.transcript.bytes.count)
        #expect(packed.transcript.root == plain.transcript.root)
        #expect(
            TranscriptVerifier.verify(
                transcriptBytes: plain.transcript.bytes, attestation: plain.attestation,
                publicKeys: plain.publicKeys
            ).verified)
    }

    @Test("an accepted order repeats no request bytes: it refers to the command it came from")
    func orderReferences() throws {
        let request = OrderRequest(
            account: AccountID(9), instrument: InstrumentID(0), side: .buy, kind: .limit, price: Price(ticks: 600_000),
            quantity: Quantity(lots: 20), timeInForce: .gtc, clientTag: 77)
        var other = request
        other.clientTag = 78
        let inputs: [TickInput] = [
            .command(origin: .bot(slot: 0), .placeOrder(request)),
            .command(origin: .bot(slot: 1), .placeOrder(other)),
        ]
        let events: [MarketEvent] = [
            .orderAccepted(order: OrderID(5), request: other),
            .orderAccepted(order: OrderID(6), request: request),
        ]
        let record = TickRecord(tick: 3, inputs: inputs, events: events)
        let bytes = record.encoded()
        #expect(try TickRecord.decode(bytes, range: bytes.indices) == record)
        let plain = TickRecord(tick: 3, inputs: inputs, events: []).encoded()
        #expect(bytes.count - plain.count < 2 * 12, "the second acceptance has no later command to refer to")
    }

    @Test("a file that is not a transcript is refused with a code")
    func badMagic() {
        #expect(throws: TranscriptError.self) { try TranscriptReader(bytes: Array(repeating: 0, count: 100)) }
    }
}
