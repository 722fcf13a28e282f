import MarketModel

/// Validation of decimal strings on the wire: the plain form of `DecimalGrammar` (an optional
/// `-`, digits, and an optional `.` with digits), as docs/BOT-PROTOCOL.md promises. Exponents,
/// digit separators, a leading `+`, `.5`, `5.`, `NaN`, `Infinity`, spaces and empty parts are
/// refused; the same grammar later converts the value onto the instrument's grid.
public enum DecimalText {
    /// Longest accepted decimal string.
    public static let maxLength = DecimalGrammar.maxLength

    /// Whether `text` is a plain decimal such as `"67250.1"`, `"-0.015"` or `"3"`.
    public static func isValid(_ text: String) -> Bool {
        DecimalGrammar.isDecimal(text)
    }
}
