public import MarketModel

/// Shortens the events of a tick record: an `orderAccepted` whose request equals one of the
/// record's `placeOrder` commands is written as a back-reference (event tag 16, order id, then
/// how many `placeOrder` commands to skip since the previous reference) instead of repeating
/// the request.
///
/// Writer and reader walk the commands in the same order, so the form is canonical: the writer
/// must use a reference whenever the next matching command exists (the verifier re-encodes the
/// replayed events with this same rule and compares bytes).
public struct OrderRequestReferences: Sendable {
    /// Event tag of a back-referenced `orderAccepted`.
    public static let tag: UInt8 = 16
    private let requests: [OrderRequest]
    private var next = 0

    /// Collects the `placeOrder` requests of `inputs`, in order.
    public init(_ inputs: [TickInput]) {
        var requests: [OrderRequest] = []
        for case .command(_, .placeOrder(let request)) in inputs { requests.append(request) }
        self.requests = requests
    }

    /// Writes `event`, as a reference when possible.
    public mutating func write(_ event: MarketEvent, into writer: inout CanonicalWriter) {
        if case .orderAccepted(let order, let request) = event, next < requests.count,
            let match = requests[next...].firstIndex(of: request)
        {
            writer.write(byte: Self.tag)
            writer.write(unsigned: order.rawValue)
            writer.write(unsigned: UInt64(match - next))
            next = match + 1
        } else {
            writer.write(event)
        }
    }

    /// Reads an event written by ``write(_:into:)``.
    public mutating func read(from reader: inout CanonicalReader) throws(TranscriptError) -> MarketEvent {
        guard reader.position < reader.end, reader.bytes[reader.position] == Self.tag else {
            return try reader.readEvent()
        }
        _ = try reader.readByte()
        let order = OrderID(try reader.readUnsigned())
        let skip = try reader.readUnsigned()
        guard skip < UInt64(requests.count - next) else {
            throw TranscriptError(.malformed, "order reference past the record's placeOrder commands")
        }
        let index = next + Int(skip)
        next = index + 1
        return .orderAccepted(order: order, request: requests[index])
    }
}
