import ContestModel
import Foundation
import Testing

@Suite struct ContestDefinitionLoaderTests {
    @Test func theDemoContestLoads() throws {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let definition = try ContestDefinitionLoader.load(
            path: url.appendingPathComponent("Seeds/contests/demo.yaml").path)
        #expect(definition.id == "demo")
        #expect(definition.market.instruments == ["BTC-PERP", "ETH-PERP"])
        #expect(definition.evaluation.rounds.count == 2)
    }

    @Test func defaultsFillOmittedSections() throws {
        let definition = try ContestDefinitionLoader.parse("id: tiny\nname: Tiny\n")
        #expect(definition.evaluation.heatSize == 8)
        #expect(definition.limits.tickDeadlineMilliseconds == 250)
        #expect(try definition.sha256() == (try ContestDefinitionLoader.parse(try definition.canonicalJSON()).sha256()))
    }

    @Test(arguments: [
        ("id: Bad Id\nname: x\n", "id"),
        ("id: ok\nname: x\nmarket: { instruments: [DOGE-PERP] }\n", "market.instruments"),
        ("id: ok\nname: x\nevaluation: { heat_size: 0 }\n", "evaluation.heat_size"),
        ("id: ok\nname: x\nevaluation: { starting_balance: \"12.123456789\" }\n", "evaluation.starting_balance"),
        ("id: ok\nname: x\nevaluation: { ticks: many }\n", "evaluation.ticks"),
        ("id: ok\n", "name"),
    ])
    func invalidDefinitionsNameTheField(yaml: String, field: String) {
        #expect {
            try ContestDefinitionLoader.parse(yaml)
        } throws: { error in
            (error as? ContestError)?.field == field
        }
    }

    @Test func malformedYAMLIsAClearError() {
        #expect(throws: ContestError.self) { try ContestDefinitionLoader.parse("id: [unclosed\n") }
    }
}
