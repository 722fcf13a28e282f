import ContestModel
import Foundation
import Testing

@Suite("heat_size: all")
struct WholeFieldHeatTests {
    static let yaml = "id: field\nname: Field\nevaluation: { heat_size: all }\n"

    @Test("`heat_size: all` puts the whole field in one heat and survives storage as JSON")
    func wholeField() throws {
        let definition = try ContestDefinitionLoader.parse(Self.yaml)
        #expect(definition.evaluation.isWholeField)
        #expect(definition.evaluation.heatSize(forField: 10_000) == 10_000)
        let stored = try ContestDefinition.decode(json: definition.canonicalJSON())
        #expect(stored.evaluation.isWholeField)
        #expect(stored == definition)
    }

    @Test("a numeric heat size is still a heat size; words other than `all` and -1 are refused")
    func numbers() throws {
        let eight = try ContestDefinitionLoader.parse("id: a\nname: A\nevaluation: { heat_size: 8 }\n")
        #expect(!eight.evaluation.isWholeField)
        #expect(eight.evaluation.heatSize(forField: 100) == 8)
        let thousand = try ContestDefinitionLoader.parse("id: a\nname: A\nevaluation: { heat_size: 1000 }\n")
        #expect(thousand.evaluation.heatSize(forField: 5_000) == 1_000)
        for bad in ["-1", "everyone", "0"] {
            #expect(throws: ContestError.self) {
                try ContestDefinitionLoader.parse("id: a\nname: A\nevaluation: { heat_size: \(bad) }\n")
            }
        }
    }
}
