/// Reads the fields of one ``CanonicalJSON`` object, requiring exactly the documented keys.
public struct CanonicalFields: Sendable {
    private let fields: [String: CanonicalJSON]
    private let context: String

    /// Wraps `value`, which must be an object with exactly `keys`; `context` names it in errors.
    public init(_ value: CanonicalJSON, keys: Set<String>, context: String) throws(TranscriptError) {
        guard case .object(let fields) = value else { throw TranscriptError(.malformed, "\(context) is not an object") }
        let found = Set(fields.keys)
        if let extra = found.subtracting(keys).sorted().first {
            throw TranscriptError(.malformed, "\(context) has an unexpected field \"\(extra)\"")
        }
        if let missing = keys.subtracting(found).sorted().first {
            throw TranscriptError(.malformed, "\(context) lacks the field \"\(missing)\"")
        }
        self.fields = fields
        self.context = context
    }

    /// The raw value of `key` (present by construction).
    public func value(_ key: String) -> CanonicalJSON { fields[key] ?? .null }

    /// Whether `key` is `null`.
    public func isNull(_ key: String) -> Bool { value(key) == .null }

    /// A string field.
    public func string(_ key: String) throws(TranscriptError) -> String {
        guard case .string(let text) = value(key) else { throw wrong(key, "a string") }
        return text
    }

    /// A string field or `null`.
    public func optionalString(_ key: String) throws(TranscriptError) -> String? {
        isNull(key) ? nil : try string(key)
    }

    /// An integer field.
    public func integer(_ key: String) throws(TranscriptError) -> Int64 {
        guard case .integer(let number) = value(key) else { throw wrong(key, "an integer") }
        return number
    }

    /// A boolean field.
    public func bool(_ key: String) throws(TranscriptError) -> Bool {
        guard case .bool(let flag) = value(key) else { throw wrong(key, "true or false") }
        return flag
    }

    /// An array field.
    public func array(_ key: String) throws(TranscriptError) -> [CanonicalJSON] {
        guard case .array(let values) = value(key) else { throw wrong(key, "an array") }
        return values
    }

    /// A signed 64-bit integer written as a decimal string.
    public func decimalInt64(_ key: String) throws(TranscriptError) -> Int64 {
        let text = try string(key)
        guard let number = Int64(text), String(number) == text else { throw wrong(key, "a decimal integer string") }
        return number
    }

    /// A signed 64-bit integer written as a decimal string, or `null`.
    public func optionalDecimalInt64(_ key: String) throws(TranscriptError) -> Int64? {
        isNull(key) ? nil : try decimalInt64(key)
    }

    /// An unsigned 64-bit integer written as a decimal string (seeds).
    public func decimalUInt64(_ key: String) throws(TranscriptError) -> UInt64 {
        let text = try string(key)
        guard let number = UInt64(text), String(number) == text else { throw wrong(key, "a decimal seed string") }
        return number
    }

    /// 64 lower-case hex digits.
    public func hash(_ key: String) throws(TranscriptError) -> Hash256 {
        guard let hash = Hash256(hex: try string(key)) else { throw wrong(key, "64 lower-case hex digits") }
        return hash
    }

    /// An error naming `key` and what it should have been.
    public func wrong(_ key: String, _ expected: String) -> TranscriptError {
        TranscriptError(.malformed, "\(context) field \"\(key)\" is not \(expected)")
    }
}
