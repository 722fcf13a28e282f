import BundleKit
import Testing

@Suite struct ManifestTests {
    private func parse(_ text: String, files: Set<String> = ["bot.py"]) -> Result<BundleManifest, BundleError> {
        Result { () throws(BundleError) in try BundleManifest.parse(Array(text.utf8), files: files) }
    }

    @Test func readsTopLevelKeysOnly() throws {
        let manifest = try parse("name: Trend\nruntime: python\nentry: bot.py\nrules:\n  - name: nested\n").get()
        #expect(manifest == BundleManifest(name: "Trend", runtime: .python, entry: "bot.py"))
        #expect(try parse("name: R\nruntime: rules\n").get().entry == nil)
    }

    @Test func refusesBadManifests() {
        let cases = [
            "runtime: rules\n",  // no name
            "name: x\n",  // no runtime
            "name: x\nruntime: java\n",  // unknown runtime
            "name: x\nruntime: python\n",  // python without entry
            "name: x\nruntime: exec\nentry: missing\n",  // entry not in bundle
            "name: [a, b]\nruntime: rules\n",  // name not a string
            "- just\n- a list\n",  // not a mapping
            "name: x\nruntime: rules\n  bad: indent: here\n",  // not YAML
            "",  // empty
        ]
        for text in cases {
            guard case .failure(let error) = parse(text) else {
                Issue.record("accepted: \(text)")
                continue
            }
            #expect(error.code == .invalidManifest, "\(text)")
            #expect(error.message.hasPrefix("strategy.yaml"))
        }
    }

    @Test func deeplyNestedYAMLIsRefusedWithoutCrashing() throws {
        let deep = "name: x\nruntime: rules\nrules: " + String(repeating: "[", count: 200_000) + "\n"
        guard case .failure(let error) = parse(deep) else {
            Issue.record("accepted deep nesting")
            return
        }
        #expect(error.code == .invalidManifest)
        #expect(
            try parse("name: 'a [[[ not nesting'\nruntime: rules\nx: [[1, 2], {a: [3]}]\n").get().name
                == "a [[[ not nesting")
    }
}
