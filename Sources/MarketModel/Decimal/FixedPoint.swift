/// Parsing and formatting of decimal strings onto an integer grid.
///
/// Every boundary of the platform (YAML, JSON, CLI) carries prices, quantities and money as
/// decimal strings. They are converted here, exactly, or rejected: a value that is not a whole
/// multiple of the grid is never rounded silently.
public enum FixedPoint {
    /// Parses `text` (e.g. `"-12.345"`) as an integer count of `10^-scale` units.
    ///
    /// Returns `nil` when the text is not a plain decimal (`DecimalGrammar`, no extensions), has
    /// more fractional digits than `scale` (unless they are zeros), or overflows `Int64`.
    public static func parse(_ text: String, scale: Int) -> Int64? {
        guard let literal = DecimalGrammar.parse(text) else { return nil }
        var fraction = Substring(literal.fractionDigits)
        while fraction.count > scale, fraction.last == "0" { fraction = fraction.dropLast() }
        guard fraction.count <= scale else { return nil }
        var value: Int64 = 0
        for character in literal.wholeDigits {
            guard let next = Self.appendDigit(value, character) else { return nil }
            value = next
        }
        for index in 0..<scale {
            let character: Character =
                index < fraction.count
                ? fraction[fraction.index(fraction.startIndex, offsetBy: index)] : "0"
            guard let next = Self.appendDigit(value, character) else { return nil }
            value = next
        }
        return literal.isNegative ? -value : value
    }

    /// Formats `units` of `10^-scale` as a decimal string without trailing fractional zeros.
    public static func format(_ units: Int64, scale: Int) -> String {
        let negative = units < 0
        let magnitude = units.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<scale { divisor *= 10 }
        let whole = magnitude / divisor
        var fraction = String(magnitude % divisor)
        if scale > 0 {
            fraction = String(repeating: "0", count: scale - fraction.count) + fraction
            while fraction.last == "0" { fraction.removeLast() }
        } else {
            fraction = ""
        }
        let body = fraction.isEmpty ? "\(whole)" : "\(whole).\(fraction)"
        return negative ? "-" + body : body
    }

    private static func appendDigit(_ value: Int64, _ character: Character) -> Int64? {
        guard let digit = character.asciiValue.map({ Int64($0) - 48 }) else { return nil }
        let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = shifted.addingReportingOverflow(digit)
        return overflow1 || overflow2 ? nil : sum
    }
}
