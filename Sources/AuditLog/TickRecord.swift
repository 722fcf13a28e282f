public import MarketModel

/// Everything that happened in one tick: the inputs in processing order, then every event the
/// engine emitted for them (the events of each `apply`, in input order, then those of `advance()`).
public struct TickRecord: Hashable, Sendable {
    /// The engine's tick number before `advance()`.
    public var tick: Int64
    /// Inputs in processing order.
    public var inputs: [TickInput]
    /// Events in emission order.
    public var events: [MarketEvent]

    /// Creates a record.
    public init(tick: Int64, inputs: [TickInput], events: [MarketEvent]) {
        self.tick = tick
        self.inputs = inputs
        self.events = events
    }

    /// The record's canonical bytes: tick, input count, inputs, event count, events.
    public func encoded() -> [UInt8] { encodedWithEventSection().bytes }

    /// The canonical bytes and where their event section (event count, events) starts.
    public func encodedWithEventSection() -> (bytes: [UInt8], events: Int) {
        var writer = CanonicalWriter(capacity: 64 + 24 * (inputs.count + events.count))
        writer.write(signed: tick)
        writer.write(unsigned: UInt64(inputs.count))
        for input in inputs { writer.write(input) }
        let start = writer.bytes.count
        Self.writeEvents(events, inputs: inputs, into: &writer)
        return (writer.bytes, start)
    }

    /// Writes the event section (count, then events, with ``OrderRequestReferences`` to the
    /// record's `inputs`): the part the verifier compares byte for byte.
    public static func writeEvents(_ events: [MarketEvent], inputs: [TickInput], into writer: inout CanonicalWriter) {
        var references = OrderRequestReferences(inputs)
        writer.write(unsigned: UInt64(events.count))
        for event in events { references.write(event, into: &writer) }
    }

    /// Decodes a record from `bytes[range]`.
    public static func decode(_ bytes: [UInt8], range: Range<Int>) throws(TranscriptError) -> TickRecord {
        var reader = CanonicalReader(bytes, range: range)
        let (tick, inputs) = try readHead(&reader)
        var events: [MarketEvent] = []
        var references = OrderRequestReferences(inputs)
        let count = try reader.readCount()
        guard count <= TranscriptFormat.maximumRecordEvents else {
            throw TranscriptError(
                .malformed, "\(count) events in tick \(tick) (at most \(TranscriptFormat.maximumRecordEvents))")
        }
        events.reserveCapacity(min(count, 4096))
        for _ in 0..<count { events.append(try references.read(from: &reader)) }
        try reader.expectEnd("tick \(tick)")
        return TickRecord(tick: tick, inputs: inputs, events: events)
    }

    /// Reads the tick number and inputs, leaving `reader` at the event section.
    public static func readHead(_ reader: inout CanonicalReader) throws(TranscriptError) -> (Int64, [TickInput]) {
        let tick = try reader.readSigned()
        let count = try reader.readCount()
        guard count <= TranscriptFormat.maximumRecordInputs else {
            throw TranscriptError(
                .malformed, "\(count) inputs in tick \(tick) (at most \(TranscriptFormat.maximumRecordInputs))")
        }
        var inputs: [TickInput] = []
        inputs.reserveCapacity(min(count, 4096))
        for _ in 0..<count { inputs.append(try reader.readInput()) }
        return (tick, inputs)
    }
}
