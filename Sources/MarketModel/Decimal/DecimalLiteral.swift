/// A number accepted by `DecimalGrammar`, split into its parts (digit separators removed).
public struct DecimalLiteral: Hashable, Sendable {
    /// A leading `-` was written (also for `-0`).
    public var isNegative: Bool
    /// The digits before the point: at least one ASCII digit.
    public var wholeDigits: String
    /// The digits after the point; empty when there is no point.
    public var fractionDigits: String
    /// The exponent after `e`/`E`, sign as written (`"-3"`, `"+6"`, `"6"`); empty when absent.
    public var exponent: String

    /// Creates a literal from its parts.
    public init(isNegative: Bool, wholeDigits: String, fractionDigits: String = "", exponent: String = "") {
        self.isNegative = isNegative
        self.wholeDigits = wholeDigits
        self.fractionDigits = fractionDigits
        self.exponent = exponent
    }

    /// The literal without digit separators, e.g. `"-1000.5e-3"` for `"-1_000.5e-3"`: the text
    /// to hand to a floating-point conversion.
    public var canonicalText: String {
        var text = isNegative ? "-" : ""
        text += wholeDigits
        if !fractionDigits.isEmpty { text += "." + fractionDigits }
        if !exponent.isEmpty { text += "e" + exponent }
        return text
    }
}
