public import BotProtocol

/// An observation already encoded as one protocol line, with its tick. The bot receives
/// `shared` followed by `line`: `shared` is the part every bot of the tick gets (the market
/// prefix, one buffer for all of them, written with `line` in one `writev`), empty when `line`
/// is the whole line.
public struct EncodedObservation: Sendable, Hashable {
    public var tick: Int64
    /// The leading bytes shared by every bot of the tick (may be empty).
    public var shared: [UInt8] = []
    /// The JSON line after `shared`, newline included.
    public var line: [UInt8]

    /// Encodes `observation` (fast writer, see `HostMessage.encodedLine()`).
    public init(_ observation: Observation) {
        self.tick = observation.tick
        self.line = HostMessage.observation(observation).encodedLine()
    }

    /// Wraps a line the caller encoded; `tick` must be the observation's tick.
    public init(tick: Int64, line: [UInt8]) {
        self.tick = tick
        self.line = line
    }

    /// Wraps a line the caller encoded in two parts: `shared` (e.g.
    /// `ObservationLinePrefix.bytes`) and the rest (`ObservationLinePrefix.accountPart`).
    public init(tick: Int64, shared: [UInt8], line: [UInt8]) {
        self.tick = tick
        self.shared = shared
        self.line = line
    }
}
