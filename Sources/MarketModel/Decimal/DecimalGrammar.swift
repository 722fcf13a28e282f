/// The platform's one grammar for numbers written as decimal text.
///
/// Every boundary that carries an exact value (the bot protocol, contest YAML, scenarios, price
/// CSVs, the CLI) accepts the **plain** form that docs/BOT-PROTOCOL.md promises:
///
///     decimal = ["-"] digits ["." digits]        digits = "0"…"9" { "0"…"9" }
///
/// so `"67250.1"`, `"-0.015"`, `"3"` and `"-0"` are decimals, and `"+1"`, `".5"`, `"5."`, `"1e3"`,
/// `" 1"`, `"1_000"`, `"0x10"`, `"NaN"` and `""` are not. At most `maxLength` characters, sign
/// included.
///
/// The strategy language (docs/STRATEGY-LANGUAGE.md) writes numbers as constants in expressions and
/// settings that become IEEE doubles, for people to read, and promises `1_000` and `1e-3`. It uses
/// the same grammar with both `Extensions`: digit separators (`_` between two digits) and an
/// exponent (`e` or `E`, an optional sign, digits). The extensions are refused at the exact
/// boundaries because those values are machine-written and must land on an integer grid without
/// any conversion step that could hide a rounding. A leading `+` is refused everywhere: in an
/// expression, `+` and `-` are operators, not part of the number.
public enum DecimalGrammar {
    /// Optional additions to the plain grammar.
    public struct Extensions: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8

        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// `_` between two digits, ignored: `1_000`, `0.000_1`.
        public static let digitSeparators = Extensions(rawValue: 1)
        /// A power-of-ten exponent after the digits: `1e-3`, `2.5E6`.
        public static let exponent = Extensions(rawValue: 2)
        /// The strategy language's numbers: both extensions.
        public static let strategyLanguage: Extensions = [.digitSeparators, .exponent]
    }

    /// Longest accepted plain decimal, sign included (far more digits than an `Int64` on a 1e-8 grid).
    public static let maxLength = 40

    /// The parts of `text` when it is a decimal under `extensions` and at most `maxLength`
    /// characters long, otherwise `nil`.
    public static func parse(
        _ text: some StringProtocol, extensions: Extensions = [], maxLength: Int = Self.maxLength
    ) -> DecimalLiteral? {
        literal(text.utf8, extensions, maxLength)
    }

    /// Whether `text` is a decimal under `extensions` and at most `maxLength` characters long.
    /// Allocation-free, for hot paths such as the bot protocol codec.
    public static func isDecimal(
        _ text: some StringProtocol, extensions: Extensions = [], maxLength: Int = Self.maxLength
    ) -> Bool {
        let bytes = text.utf8
        return bytes.count <= maxLength && scan(bytes, extensions) != nil
    }

    private struct Parts<Index: Comparable> {
        var negative: Bool
        var whole: Range<Index>
        var fraction: Range<Index>?
        /// The exponent after the `e`, sign included.
        var exponent: Range<Index>?
    }

    private static let underscore = UInt8(ascii: "_")

    private static func literal<Bytes: Collection<UInt8>>(_ bytes: Bytes, _ extensions: Extensions, _ maxLength: Int)
        -> DecimalLiteral?
    {
        guard bytes.count <= maxLength, let parts = scan(bytes, extensions) else { return nil }
        func digits(_ range: Range<Bytes.Index>?) -> String {
            guard let range else { return "" }
            return String(decoding: bytes[range].lazy.filter { $0 != underscore }, as: UTF8.self)
        }
        return DecimalLiteral(
            isNegative: parts.negative, wholeDigits: digits(parts.whole), fractionDigits: digits(parts.fraction),
            exponent: digits(parts.exponent))
    }

    private static func scan<Bytes: Collection<UInt8>>(_ bytes: Bytes, _ extensions: Extensions)
        -> Parts<Bytes.Index>?
    {
        let separators = extensions.contains(.digitSeparators)
        var i = bytes.startIndex
        var negative = false
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: "-") {
            negative = true
            i = bytes.index(after: i)
        }
        guard let whole = digits(bytes, &i, separators: separators) else { return nil }
        var fraction: Range<Bytes.Index>?
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: ".") {
            i = bytes.index(after: i)
            guard let digits = digits(bytes, &i, separators: separators) else { return nil }
            fraction = digits
        }
        var exponent: Range<Bytes.Index>?
        if extensions.contains(.exponent), i < bytes.endIndex,
            bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")
        {
            i = bytes.index(after: i)
            let start = i
            if i < bytes.endIndex, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
                i = bytes.index(after: i)
            }
            guard digits(bytes, &i, separators: false) != nil else { return nil }
            exponent = start..<i
        }
        guard i == bytes.endIndex else { return nil }
        return Parts(negative: negative, whole: whole, fraction: fraction, exponent: exponent)
    }

    /// One or more digits from `i`; with `separators`, a `_` is skipped when a digit follows it
    /// (a digit always precedes it, since digits are consumed first).
    private static func digits<Bytes: Collection<UInt8>>(
        _ bytes: Bytes, _ i: inout Bytes.Index, separators: Bool
    ) -> Range<Bytes.Index>? {
        let start = i
        var count = 0
        while i < bytes.endIndex {
            let byte = bytes[i]
            if isDigit(byte) {
                count += 1
                i = bytes.index(after: i)
                continue
            }
            if separators, byte == underscore, count > 0 {
                let next = bytes.index(after: i)
                if next < bytes.endIndex, isDigit(bytes[next]) {
                    i = next
                    continue
                }
            }
            break
        }
        return count > 0 ? start..<i : nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
