import Foundation

/// Small formatting helpers shared by the commands.
enum Format {
    /// `2026-11-26 06:35:12Z`.
    static func date(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        return formatter.string(from: date) + "Z"
    }

    /// Basis points as a percentage with two decimals: 1234 → "12.34%".
    static func percent(bps: Int64) -> String {
        let sign = bps < 0 ? "-" : ""
        let magnitude = bps.magnitude
        return "\(sign)\(magnitude / 100).\(String(format: "%02d", Int(magnitude % 100)))%"
    }

    /// Thousandths as a decimal with three places: 1234 → "1.234".
    static func milli(_ value: Int64) -> String {
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        return "\(sign)\(magnitude / 1000).\(String(format: "%03d", Int(magnitude % 1000)))"
    }

    /// A decimal string rounded down to `places` fractional digits (display only).
    static func decimal(_ text: String, places: Int = 2) -> String {
        guard let dot = text.firstIndex(of: ".") else { return text }
        let fraction = text[text.index(after: dot)...]
        return places == 0 ? String(text[..<dot]) : String(text[..<dot]) + "." + String(fraction.prefix(places))
    }
}
