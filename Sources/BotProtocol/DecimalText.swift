/// Validation of decimal strings on the wire: an optional `-`, digits, and an optional fraction.
/// Exponents, `NaN`, `Infinity`, spaces and empty parts are refused.
public enum DecimalText {
    /// Longest accepted decimal string.
    public static let maxLength = 40

    /// Whether `text` is a plain decimal such as `"67250.1"`, `"-0.015"` or `"3"`.
    public static func isValid(_ text: String) -> Bool {
        var utf8 = Substring(text).utf8[...]
        guard utf8.count <= maxLength else { return false }
        if utf8.first == UInt8(ascii: "-") { utf8 = utf8.dropFirst() }
        var wholeDigits = 0
        var fractionDigits = 0
        var sawDot = false
        for byte in utf8 {
            if byte == UInt8(ascii: ".") {
                if sawDot { return false }
                sawDot = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                if sawDot { fractionDigits += 1 } else { wholeDigits += 1 }
            } else {
                return false
            }
        }
        return wholeDigits > 0 && (!sawDot || fractionDigits > 0)
    }
}
