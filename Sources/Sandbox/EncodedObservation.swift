public import BotProtocol

/// An observation already encoded as one protocol line, with its tick.
public struct EncodedObservation: Sendable, Hashable {
    public var tick: Int64
    /// The JSON line, newline included.
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
}
