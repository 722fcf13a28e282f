/// Who issued a transcript input.
public enum InputOrigin: Hashable, Sendable, Codable {
    /// The team bot in heat slot `slot` (its actions, mapped to engine commands by the runner).
    case bot(slot: UInt32)
    /// The runner, acting for the team in `slot` (opening its account, closing it out after a fault).
    case system(slot: UInt32)
    /// The runner, for no team in particular.
    case house

    /// The team slot the input concerns, if any.
    public var slot: UInt32? {
        switch self {
        case .bot(let slot), .system(let slot): return slot
        case .house: return nil
        }
    }
}

extension CanonicalWriter {
    /// Writes an origin: tag `0` bot, `1` system, `2` house; then the slot for the first two.
    public mutating func write(_ origin: InputOrigin) {
        switch origin {
        case .bot(let slot):
            write(byte: 0)
            write(unsigned: UInt64(slot))
        case .system(let slot):
            write(byte: 1)
            write(unsigned: UInt64(slot))
        case .house: write(byte: 2)
        }
    }
}

extension CanonicalReader {
    /// Reads an origin.
    public mutating func readOrigin() throws(TranscriptError) -> InputOrigin {
        let tag = try readByte()
        switch tag {
        case 0: return .bot(slot: try readUnsigned(as: UInt32.self))
        case 1: return .system(slot: try readUnsigned(as: UInt32.self))
        case 2: return .house
        default: throw TranscriptError(.malformed, "unknown origin tag \(tag) at byte \(position - 1)")
        }
    }
}
