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

    /// Formats `units` of `10^-scale` as a decimal string without trailing fractional zeros
    /// (`12345, scale: 3` → `"12.345"`, `-500, scale: 3` → `"-0.5"`, `7000, scale: 3` → `"7"`).
    ///
    /// Written digit by digit into a stack buffer (a result of up to 15 bytes is a small string,
    /// no allocation): every observation line carries a few dozen of these per bot and tick
    /// (docs/PERFORMANCE.md, "Sandbox and workers").
    public static func format(_ units: Int64, scale: Int) -> String {
        let scale = max(0, scale)
        // Sign, up to 20 whole digits, the point and `scale` fractional digits.
        let capacity = 22 + scale
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { output in
            var magnitude = units.magnitude
            var position = capacity
            var fractionDigits = 0
            for _ in 0..<scale {
                let digit = UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
                // Trailing zeros of the fraction are dropped; zeros left of a kept digit are not.
                if fractionDigits == 0 && digit == 0 { continue }
                position -= 1
                output[position] = 0x30 + digit
                fractionDigits += 1
            }
            if fractionDigits > 0 {
                position -= 1
                output[position] = 0x2E
            }
            repeat {
                position -= 1
                output[position] = 0x30 + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if units < 0 {
                position -= 1
                output[position] = 0x2D
            }
            return String(decoding: UnsafeBufferPointer(rebasing: output[position..<capacity]), as: UTF8.self)
        }
    }

    private static func appendDigit(_ value: Int64, _ character: Character) -> Int64? {
        guard let digit = character.asciiValue.map({ Int64($0) - 48 }) else { return nil }
        let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = shifted.addingReportingOverflow(digit)
        return overflow1 || overflow2 ? nil : sum
    }
}
