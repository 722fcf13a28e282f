import MarketModel

/// Compact, append-only codes for reason enumerations in the canonical encoding.
///
/// A reason listed in its table is written as its 1-based position (one byte); a reason added to
/// the model later and not yet listed is written as `0` followed by its snake_case code, so new
/// reasons never break or shift existing encodings. Entries are never removed or reordered.
public struct ReasonCodeTable<Reason: RawRepresentable & Hashable & Sendable>: Sendable
where Reason.RawValue == String {
    private let codes: [Reason: UInt64]
    private let values: [Reason?]
    private let listed: Set<String>

    /// Builds a table from codes in their frozen order.
    public init(_ rawValues: [String]) {
        values = rawValues.map { Reason(rawValue: $0) }
        var codes: [Reason: UInt64] = [:]
        for (index, value) in values.enumerated() { if let value { codes[value] = UInt64(index + 1) } }
        self.codes = codes
        listed = Set(rawValues)
    }

    /// Writes `reason`.
    public func write(_ reason: Reason, into writer: inout CanonicalWriter) {
        if let code = codes[reason] {
            writer.write(unsigned: code)
        } else {
            writer.write(unsigned: 0)
            writer.write(string: reason.rawValue)
        }
    }

    /// Reads a reason, refusing unknown codes and the long form of a listed reason.
    public func read(from reader: inout CanonicalReader) throws(TranscriptError) -> Reason {
        let code = try reader.readUnsigned()
        if code == 0 {
            let raw = try reader.readString()
            guard !listed.contains(raw), let value = Reason(rawValue: raw) else {
                throw TranscriptError(.malformed, "reason '\(raw)' is unknown or not in canonical form")
            }
            return value
        }
        guard code <= UInt64(values.count), let value = values[Int(code - 1)] else {
            throw TranscriptError(.malformed, "unknown \(Reason.self) code \(code)")
        }
        return value
    }
}
