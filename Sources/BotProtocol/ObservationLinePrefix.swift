/// An observation line in two parts, for a host that sends one tick to many bots: everything up
/// to the account (type, tick, time and the markets, the same for every bot of a heat) is
/// encoded once per tick; each bot's line is that prefix followed by its own account.
///
/// `prefix.line(account: a, decisionPoint: d)` is byte for byte the `encodedLine()` of
/// `HostMessage.observation` for the same tick, markets, account and decision point.
public struct ObservationLinePrefix: Sendable, Hashable {
    /// The tick of the observation.
    public let tick: Int64
    /// `{"type":"observation",…,"markets":[…],"account":`
    public let bytes: [UInt8]

    /// Encodes the shared part of one tick's observations.
    public init(tick: Int64, timeMs: Int64, markets: [MarketView]) {
        self.tick = tick
        let full = HostMessage.observation(
            Observation(tick: tick, timeMs: timeMs, markets: markets, account: Self.placeholder)
        ).encodedLine()
        // The line ends with the placeholder account, `}` and the newline.
        bytes = Array(full.dropLast(Self.placeholderBytes.count + 2))
    }

    /// One bot's full line (newline included): the prefix, `account` and the decision point.
    public func line(account: AccountView, decisionPoint: Bool? = nil) -> [UInt8] {
        let rest = accountPart(account: account, decisionPoint: decisionPoint)
        var line = bytes
        line.reserveCapacity(bytes.count + rest.count)
        line.append(contentsOf: rest)
        return line
    }

    /// What follows `bytes` in one bot's line (`account`, the decision point, `}` and the
    /// newline): a host that writes `bytes` and this part in one `writev` sends
    /// `line(account:decisionPoint:)` without copying the shared prefix per bot.
    public func accountPart(account: AccountView, decisionPoint: Bool? = nil) -> [UInt8] {
        var writer = JSONLineWriter(capacity: 512)
        account.write(to: &writer)
        if decisionPoint == true {
            writer.key("decision_point")
            writer.bool(true)
        }
        writer.endObject()
        writer.newline()
        return writer.bytes
    }

    private static let placeholder = AccountView(
        balance: "0", equity: "0", available: "0", marginRatio: "0", positions: [], openOrders: [], fills: [],
        rejections: [], events: [])

    private static let placeholderBytes: [UInt8] = {
        var writer = JSONLineWriter(capacity: 256)
        placeholder.write(to: &writer)
        return writer.bytes
    }()
}
