import MarketModel
import StrategyKit
import Testing

@Suite("Checker")
struct CheckerTests {
    @Test("unknown instruments are rejected with the closest symbol")
    func unknownInstrument() throws {
        let error = try #require(Fixtures.error(Fixtures.document(rules: "  - do: [close]", markets: "[BTC-PREP]")))
        #expect(error.code == .unknownInstrument)
        #expect(error.diagnostics[0].line == 3)
        #expect(error.diagnostics[0].suggestion?.contains("BTC-PERP") == true)
        let limited = CheckLimits(maxLookback: 10, maxStepsPerTick: 1_000, instruments: [.btcPerp])
        let eth = Fixtures.error(Fixtures.document(rules: "  - do: [close]", markets: "[ETH-PERP]"), limits: limited)
        #expect(eth?.code == .unknownInstrument)
    }

    @Test(
        "type errors are rejected",
        arguments: [
            "sma(mark, 20)",
            "mark and true",
            "not mark",
            "if(mark, 1, 2) > 0",
            "if(mark > 1, 1, true)",
            "crosses_above(mark, index) > 1",
            "btc > 1",
        ])
    func typeErrors(condition: String) throws {
        let error = try #require(Fixtures.error(Fixtures.document(rules: "  - when: \(condition)\n    do: [close]")))
        #expect(error.code == .typeMismatch)
        #expect(error.diagnostics[0].line == 6)
    }

    @Test("a lookback beyond the contest limit is rejected at the lookback")
    func lookbackLimit() throws {
        let limits = CheckLimits(maxLookback: 100, maxStepsPerTick: 10_000, instruments: [.btcPerp])
        let yaml = Fixtures.document(rules: "  - when: mark > sma(mark, 150)\n    do: [close]")
        let error = try #require(Fixtures.error(yaml, limits: limits))
        #expect(error.code == .lookbackTooLong)
        #expect(error.diagnostics[0].offendingText == "150")
        #expect(error.diagnostics[0].column == "  - when: mark > sma(mark, ".count + 1)
        #expect(
            Fixtures.error(
                Fixtures.document(rules: "  - when: mark > sma(mark, 100)\n    do: [close]"),
                limits: limits) == nil)
    }

    @Test("lookbacks that are not constants are rejected as unbounded")
    func unboundedLookback() throws {
        let error = try #require(
            Fixtures.error(Fixtures.document(rules: "  - when: mark > sma(mark, tick)\n    do: [close]")))
        #expect(error.code == .unboundedCost)
        let viaParam = Fixtures.document(
            rules: "  - when: mark > sma(mark, n * 2)\n    do: [close]", header: "params: {n: 10}")
        #expect(Fixtures.error(viaParam) == nil)
    }

    @Test("the cost bound grows with the work and is enforced against the limit")
    func costBound() throws {
        let one = try Fixtures.check(Fixtures.document(rules: "  - when: mark > sma(mark, 20)\n    do: [close]"))
        let rules = (0..<10).map { "  - when: mark > sma(mark, \($0 + 20))\n    do: [close]" }.joined(separator: "\n")
        let ten = try Fixtures.check(Fixtures.document(rules: rules))
        #expect(ten.costBound > one.costBound)
        let window = try Fixtures.check(
            Fixtures.document(rules: "  - when: mark > highest(mark, 1000)\n    do: [close]"))
        #expect(window.costBound >= 1_000)
        let tight = CheckLimits(maxLookback: 2_000, maxStepsPerTick: window.costBound - 1, instruments: [.btcPerp])
        let error = try #require(
            Fixtures.error(
                Fixtures.document(rules: "  - when: mark > highest(mark, 1000)\n    do: [close]"),
                limits: tight))
        #expect(error.code == .costTooHigh)
        #expect(error.diagnostics[0].message.contains("\(window.costBound)"))
    }

    @Test("cyclic lets are rejected")
    func cycles() throws {
        let yaml = Fixtures.document(
            rules: "  - when: a > 0\n    do: [close]", header: "let:\n  a: b + 1\n  b: sma(a, 3)")
        let error = try #require(Fixtures.error(yaml))
        #expect(error.code == .cyclicDefinition)
        #expect(error.diagnostics[0].message.contains("a → b → a"))
    }

    @Test("built-in names cannot be redefined, and names are unique")
    func names() throws {
        #expect(
            Fixtures.error(Fixtures.document(rules: "  - do: [close]", header: "params: {mark: 1}"))?.code == .schema)
        #expect(
            Fixtures.error(Fixtures.document(rules: "  - do: [close]", header: "params: {x: 1}\nstate: {x: 0}")) != nil)
    }

    @Test("state assignments must name a state variable of the same type")
    func assignments() throws {
        let header = "state: {count: 0, armed: false}"
        #expect(
            Fixtures.error(
                Fixtures.document(
                    rules: "  - do:\n      - set: {count: count + 1, armed: mark > 1}",
                    header: header)) == nil)
        let wrongType = Fixtures.error(Fixtures.document(rules: "  - do:\n      - set: {armed: 1}", header: header))
        #expect(wrongType?.code == .typeMismatch)
        let misspelt = Fixtures.error(Fixtures.document(rules: "  - do:\n      - set: {cuont: 1}", header: header))
        #expect(misspelt?.diagnostics[0].suggestion?.contains("'count'") == true)
    }

    @Test("risk settings are validated against the instruments")
    func risk() throws {
        #expect(
            Fixtures.error(Fixtures.document(rules: "  - do: [close]", header: "risk: {max_leverage: 80}"))?.code
                == .invalidValue)
        #expect(Fixtures.error(Fixtures.document(rules: "  - do: [close]", header: "risk: {stop_loss: 1.5}")) != nil)
        #expect(
            Fixtures.error(Fixtures.document(rules: "  - do: [close]", header: "risk: {max_orders_per_tick: 99}"))
                != nil)
        #expect(Fixtures.error(Fixtures.document(rules: "  - do: [close]", header: "risk: {max_leverage: 10}")) == nil)
    }

    @Test("several independent problems are all reported, in source order")
    func multipleProblems() throws {
        let yaml = Fixtures.document(
            rules: """
                  - when: rsii(mark, 14) > 70
                    do: [close]
                  - when: mark > sma(mark, 99999)
                    do: [close]
                """)
        let error = try #require(Fixtures.error(yaml))
        #expect(error.diagnostics.count == 2)
        #expect(error.diagnostics[0].line < error.diagnostics[1].line)
    }
}
