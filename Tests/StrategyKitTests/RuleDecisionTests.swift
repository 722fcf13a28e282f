import MarketModel
import StrategyKit
import Testing

@Suite("Rule decisions")
struct RuleDecisionTests {
    @Test("a rule that places orders explains them: its name, its when and the values it read")
    func ruleDecision() throws {
        let rules = """
              - name: go-long
                when: gap < wide and mark > 1
                do:
                  - buy: {size: 0.01}
              - name: never
                when: mark < 1
                do:
                  - sell: {size: 0.01}
            """
        let header = "let:\n  gap: ask - bid\nparams:\n  wide: 5\n"
        var evaluator = try Fixtures.evaluator(Fixtures.document(rules: rules, header: header))
        let output = evaluator.step(Fixtures.input())
        #expect(Fixtures.orders(output).count == 1)
        let decision = try #require(evaluator.decisions.first)
        #expect(evaluator.decisions.count == 1)
        #expect(decision.rule == "go-long")
        #expect(decision.condition == "gap < wide and mark > 1")
        #expect(decision.inputs.map(\.name) == ["gap", "wide", "mark"])
        #expect(decision.inputs[1].value == 5)
        #expect(decision.inputSummary.hasPrefix("gap="))
        #expect(decision.inputSummary.contains(" wide=5 mark="))
    }

    @Test("no orders, no decision; the step budget is the rules' own (reading inputs is free)")
    func quietTick() throws {
        let rules = "  - name: off\n    when: mark < 1\n    do:\n      - buy: {size: 0.01}"
        var evaluator = try Fixtures.evaluator(Fixtures.document(rules: rules))
        let output = evaluator.step(Fixtures.input())
        #expect(Fixtures.orders(output).isEmpty)
        #expect(evaluator.decisions.isEmpty)
        let checked = try Fixtures.check(Fixtures.document(rules: rules))
        #expect(output.stepsUsed <= checked.costBound)
    }
}
