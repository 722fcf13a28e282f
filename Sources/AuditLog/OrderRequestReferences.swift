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
    /// Positions of each request, ascending, with a cursor that only moves forward; built on the
    /// first acceptance that is not the next command, so a hostile record of N commands and M
    /// acceptances that match none costs O(N + M), not O(N × M) (the verifier re-encodes
    /// records it decoded from an untrusted file). Same answers as a scan from `next`.
    private var positions: [OrderRequest: (list: [Int], cursor: Int)]?

    /// Collects the `placeOrder` requests of `inputs`, in order.
    public init(_ inputs: [TickInput]) {
        var requests: [OrderRequest] = []
        for case .command(_, .placeOrder(let request)) in inputs { requests.append(request) }
        self.requests = requests
    }

    /// Writes `event`, as a reference when possible.
    public mutating func write(_ event: MarketEvent, into writer: inout CanonicalWriter) {
        if case .orderAccepted(let order, let request) = event, next < requests.count,
            let match = requests[next] == request ? next : firstIndex(of: request)
        {
            writer.write(byte: Self.tag)
            writer.write(unsigned: order.rawValue)
            writer.write(unsigned: UInt64(match - next))
            next = match + 1
        } else {
            writer.write(event)
        }
    }

    /// The first position at or after `next` whose request equals `request`.
    private mutating func firstIndex(of request: OrderRequest) -> Int? {
        if positions == nil {
            var built: [OrderRequest: (list: [Int], cursor: Int)] = [:]
            for (index, request) in requests.enumerated() { built[request, default: ([], 0)].list.append(index) }
            positions = built
        }
        guard var entry = positions?[request] else { return nil }
        while entry.cursor < entry.list.count, entry.list[entry.cursor] < next { entry.cursor += 1 }
        positions?[request] = entry
        return entry.cursor < entry.list.count ? entry.list[entry.cursor] : nil
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
