/// What runs inside a worker.
public enum Runtime: String, Sendable, Hashable, Codable {
    /// `<workerPath> /bot/strategy.yaml`: the declarative strategy interpreter.
    case rules
    /// `/usr/bin/python3 /bot/<entry>` with the SDK importable from `/sdk`.
    case python
    /// `/bot/<entry>`: any Linux executable speaking the protocol.
    case exec
}
