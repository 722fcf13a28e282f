public import MarketModel

/// One input of a tick, as received, in processing order.
///
/// Only `.command` reaches the engine; the other cases record what the runner saw and did so that
/// a team's run report (strikes, faults, rejections at the boundary) is part of the audited record.
public enum TickInput: Hashable, Sendable {
    /// A command applied to the engine.
    case command(origin: InputOrigin, MarketCommand)
    /// The bot in `slot` did not answer in time; `strikes` is its strike count after this one.
    case timeout(slot: UInt32, strikes: UInt32)
    /// The bot in `slot` faulted (`code` is stable, e.g. `protocol_violation`, `too_many_strikes`).
    case fault(slot: UInt32, code: String, message: String)
    /// An action refused at the platform boundary before reaching the engine (e.g. an off-grid
    /// price); `reason` is the code the bot was told.
    case botRejected(slot: UInt32, clientTag: UInt64, reason: String)
    /// A model request of the bot in `slot` and its answer (docs/LLM-AGENTS.md); audit only.
    case modelExchange(slot: UInt32, ModelExchangeRecord)
    /// The `decision` the bot in `slot` attached to its reply, recorded before that reply's
    /// actions; `digest` is the SHA-256 of the decision's fields as recorded (the verifier checks
    /// it, so a changed byte is reported at its tick).
    case decision(slot: UInt32, DecisionRecord, digest: Hash256)

    /// The engine command, when this input is one.
    public var command: MarketCommand? {
        if case .command(_, let command) = self { return command }
        return nil
    }
}

extension CanonicalWriter {
    /// Writes an input: tag `0` command, `1` timeout, `2` fault, `3` boundary rejection, `4` decision,
    /// `5` model exchange.
    public mutating func write(_ input: TickInput) {
        switch input {
        case .command(let origin, let command):
            write(byte: 0)
            write(origin)
            write(command)
        case .timeout(let slot, let strikes):
            write(byte: 1)
            write(unsigned: UInt64(slot))
            write(unsigned: UInt64(strikes))
        case .fault(let slot, let code, let message):
            write(byte: 2)
            write(unsigned: UInt64(slot))
            write(string: code)
            write(string: message)
        case .botRejected(let slot, let clientTag, let reason):
            write(byte: 3)
            write(unsigned: UInt64(slot))
            write(unsigned: clientTag)
            write(string: reason)
        case .decision(let slot, let decision, let digest):
            write(byte: 4)
            write(unsigned: UInt64(slot))
            write(decision, digest: digest)
        case .modelExchange(let slot, let record):
            write(byte: 5)
            write(unsigned: UInt64(slot))
            write(record)
        }
    }
}

extension CanonicalReader {
    /// Reads an input.
    public mutating func readInput() throws(TranscriptError) -> TickInput {
        let tag = try readByte()
        switch tag {
        case 0: return .command(origin: try readOrigin(), try readCommand())
        case 1: return .timeout(slot: try readUnsigned(as: UInt32.self), strikes: try readUnsigned(as: UInt32.self))
        case 2:
            return .fault(slot: try readUnsigned(as: UInt32.self), code: try readString(), message: try readString())
        case 3:
            return .botRejected(
                slot: try readUnsigned(as: UInt32.self), clientTag: try readUnsigned(), reason: try readString())
        case 4:
            let slot = try readUnsigned(as: UInt32.self)
            let (decision, digest) = try readDecision()
            return .decision(slot: slot, decision, digest: digest)
        case 5: return .modelExchange(slot: try readUnsigned(as: UInt32.self), try readModelExchange())
        default: throw TranscriptError(.malformed, "unknown input tag \(tag) at byte \(position - 1)")
        }
    }
}
