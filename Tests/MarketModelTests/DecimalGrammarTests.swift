import MarketModel
import Testing

/// The one decimal grammar: the plain form at every exact boundary, the strategy language's
/// extensions (digit separators, exponent) only where asked for.
@Suite("Decimal grammar")
struct DecimalGrammarTests {
    @Test(arguments: ["0", "3", "-0", "-0.015", "67250.1", "0.00000001", "007"])
    func plainAcceptsDecimals(text: String) {
        #expect(DecimalGrammar.isDecimal(text))
        #expect(DecimalGrammar.parse(text) != nil)
    }

    @Test(arguments: [
        "+1", ".5", "5.", "1e3", " 1", "1 ", "1_000", "", "-", "+", ".", "-.5", "1.2.3", "0x10", "NaN", "Infinity",
        "1e", "--1", "1-", "١", "1,5",
    ])
    func plainRejects(text: String) {
        #expect(!DecimalGrammar.isDecimal(text))
        #expect(DecimalGrammar.parse(text) == nil)
    }

    @Test func parsesIntoParts() {
        #expect(
            DecimalGrammar.parse("-12.340")
                == DecimalLiteral(isNegative: true, wholeDigits: "12", fractionDigits: "340"))
        #expect(DecimalGrammar.parse("-0") == DecimalLiteral(isNegative: true, wholeDigits: "0"))
        #expect(
            DecimalGrammar.parse("1_000.000_5e-3", extensions: .strategyLanguage)
                == DecimalLiteral(isNegative: false, wholeDigits: "1000", fractionDigits: "0005", exponent: "-3"))
        #expect(
            DecimalGrammar.parse("1_000.000_5e-3", extensions: .strategyLanguage)?.canonicalText == "1000.0005e-3")
        #expect(DecimalGrammar.parse("2.5E+6", extensions: .exponent)?.canonicalText == "2.5e+6")
    }

    @Test(arguments: ["1e3", "1E3", "1e-3", "1e+3", "1_000", "1_000.5", "0.000_1", "42", "0.5", "-1e-3"])
    func strategyLanguageAccepts(text: String) {
        #expect(DecimalGrammar.isDecimal(text, extensions: .strategyLanguage))
    }

    @Test(arguments: [
        "+1", ".5", "5.", " 1", "1__000", "1_", "_1", "1_.5", "1._5", "1e", "1e_3", "1e1_0", "1e+", "0x10", "1.2.3",
        "e3",
    ])
    func strategyLanguageRejects(text: String) {
        #expect(!DecimalGrammar.isDecimal(text, extensions: .strategyLanguage))
    }

    @Test func extensionsAreIndependent() {
        #expect(DecimalGrammar.isDecimal("1_000", extensions: .digitSeparators))
        #expect(!DecimalGrammar.isDecimal("1e3", extensions: .digitSeparators))
        #expect(DecimalGrammar.isDecimal("1e3", extensions: .exponent))
        #expect(!DecimalGrammar.isDecimal("1_000", extensions: .exponent))
    }

    @Test func lengthIsBounded() {
        let forty = String(repeating: "1", count: 40)
        #expect(DecimalGrammar.isDecimal(forty))
        #expect(!DecimalGrammar.isDecimal(forty + "1"))
        #expect(!DecimalGrammar.isDecimal("-" + forty))
        #expect(DecimalGrammar.isDecimal("-" + forty, maxLength: 41))
    }

    @Test func fixedPointUsesThePlainGrammar() {
        #expect(FixedPoint.parse("12.345", scale: 8) == 1_234_500_000)
        #expect(FixedPoint.parse("-0", scale: 8) == 0)
        #expect(FixedPoint.parse("-0.015", scale: 8) == -1_500_000)
        #expect(FixedPoint.parse("1.500000000000", scale: 8) == 150_000_000)
        for text in ["+1", ".5", "5.", "1e3", " 1", "1_000", ""] {
            #expect(FixedPoint.parse(text, scale: 8) == nil, "\(text)")
        }
        #expect(Money(decimal: "+1") == nil)
        #expect(Rate(decimal: ".5") == nil)
        #expect(InstrumentSpec.btcPerp.price(decimal: "5.") == nil)
    }

    @Test func fixedPointRejectsHugeValuesInsteadOfWrapping() {
        #expect(FixedPoint.parse("92233720368.54775807", scale: 8) == Int64.max)
        #expect(FixedPoint.parse("92233720368.54775808", scale: 8) == nil)
        #expect(FixedPoint.parse("99999999999999999999", scale: 0) == nil)
        #expect(FixedPoint.parse(String(repeating: "9", count: 40), scale: 8) == nil)
        #expect(FixedPoint.parse("0.1234567891", scale: 8) == nil)
        #expect(DecimalGrammar.isDecimal("99999999999999999999"))
    }
}
