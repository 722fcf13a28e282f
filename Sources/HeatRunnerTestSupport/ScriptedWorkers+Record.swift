public import BotProtocol
import Synchronization

extension ScriptedWorkers {
    /// The `hello` each started bot received, by slot.
    public var hellos: [Int: Hello] { state.withLock { $0.hellos } }

    /// The observations `slot` received, in order (none after its fault).
    public func observations(of slot: Int) -> [Observation] {
        state.withLock { $0.observations[slot] ?? [] }
    }

    /// The `end` messages the heat finished with (empty when it was cancelled); nil until finished.
    public var ends: [Int: End]? { state.withLock { $0.ends } }
}
