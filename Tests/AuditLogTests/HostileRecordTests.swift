import AuditLog
import MarketModel
import Testing

/// Records from an untrusted file: counts that would make a reader allocate without bound are
/// refused, and order back-references are the same as a plain scan whatever the mix of commands
/// and acceptances (the index that replaced the scan keeps hostile records linear).
@Suite("Hostile tick records")
struct HostileRecordTests {
    private static func request(_ index: Int, tag: UInt64) -> OrderRequest {
        OrderRequest(
            account: AccountID(UInt32(1 + index % 3)), instrument: InstrumentID(0), side: index % 2 == 0 ? .buy : .sell,
            kind: .limit, price: Price(ticks: Int64(500_000 + index % 5)), quantity: Quantity(lots: 1),
            timeInForce: .gtc, reduceOnly: false, clientTag: tag)
    }

    @Test("a record declaring more inputs or events than a record may hold is malformed, not an allocation")
    func hugeCounts() {
        // One byte per declared element follows, so only the per-record caps stop these.
        var inputs = CanonicalWriter()
        inputs.write(signed: 0)
        inputs.write(unsigned: UInt64(TranscriptFormat.maximumRecordInputs + 1))
        let manyInputs = inputs.bytes + [UInt8](repeating: 0, count: TranscriptFormat.maximumRecordInputs + 1)
        #expect {
            _ = try TickRecord.decode(manyInputs, range: manyInputs.indices)
        } throws: { ($0 as? TranscriptError)?.description.contains("inputs in tick 0") == true }
        var events = CanonicalWriter()
        events.write(signed: 0)
        events.write(unsigned: 0)
        events.write(unsigned: UInt64(TranscriptFormat.maximumRecordEvents + 1))
        let manyEvents = events.bytes + [UInt8](repeating: 0, count: TranscriptFormat.maximumRecordEvents + 1)
        #expect {
            _ = try TickRecord.decode(manyEvents, range: manyEvents.indices)
        } throws: { ($0 as? TranscriptError)?.description.contains("events in tick 0") == true }
    }

    @Test("back-references equal a plain first-match scan, for any order of commands and acceptances")
    func referencesMatchAScan() throws {
        var generator = SplitMix64(seed: 42)
        for round in 0..<200 {
            let commands = Int(generator.next() % 40)
            let requests = (0..<commands).map { _ in Self.request(Int(generator.next() % 6), tag: generator.next() % 3)
            }
            let inputs = requests.map { TickInput.command(origin: .bot(slot: 0), .placeOrder($0)) }
            let events: [MarketEvent] = (0..<Int(generator.next() % 40)).map { index in
                .orderAccepted(
                    order: OrderID(UInt64(index)),
                    request: Self.request(Int(generator.next() % 7), tag: generator.next() % 3))
            }
            var writer = CanonicalWriter()
            var references = OrderRequestReferences(inputs)
            for event in events { references.write(event, into: &writer) }
            // The plain scan the index replaced.
            var expected = CanonicalWriter()
            var next = 0
            for event in events {
                if case .orderAccepted(let order, let request) = event, next < requests.count,
                    let match = requests[next...].firstIndex(of: request)
                {
                    expected.write(byte: OrderRequestReferences.tag)
                    expected.write(unsigned: order.rawValue)
                    expected.write(unsigned: UInt64(match - next))
                    next = match + 1
                } else {
                    expected.write(event)
                }
            }
            #expect(writer.bytes == expected.bytes, "round \(round)")
            var reader = CanonicalReader(writer.bytes, range: writer.bytes.indices)
            var back = OrderRequestReferences(inputs)
            for event in events { #expect(try back.read(from: &reader) == event) }
        }
    }
}
