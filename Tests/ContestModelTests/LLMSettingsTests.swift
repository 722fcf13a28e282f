import ContestModel
import Testing

@Suite("The contest's llm section")
struct LLMSettingsTests {
    static let minimal = """
        id: llm
        name: LLM
        llm:
          endpoint: http://127.0.0.1:8089/v1
          models: [stub-trader]
        """

    @Test("a minimal section gets the documented defaults; a contest without one has no models")
    func defaults() throws {
        let llm = try #require(try ContestDefinitionLoader.parse(Self.minimal).llm)
        #expect(llm.decisionInterval == 10)
        #expect(llm.thinkingDeadlineMilliseconds == 60_000)
        #expect(llm.timeoutMilliseconds == 30_000)
        #expect(llm.budget == LLMBudgetSettings(requests: 200, inputTokens: 400_000, outputTokens: 80_000))
        #expect(llm.sampling.temperature == "0")
        #expect(llm.redactPrompts == false)
        #expect(try ContestDefinitionLoader.parse("id: plain\nname: Plain\n").llm == nil)
    }

    @Test("the section is part of the contest's hash, so the terms a run was played under are attested")
    func hashed() throws {
        let plain = try ContestDefinitionLoader.parse("id: llm\nname: LLM\n")
        let with = try ContestDefinitionLoader.parse(Self.minimal)
        #expect(try plain.sha256() != with.sha256())
    }

    @Test(
        "bad values are refused with the field named",
        arguments: [
            ("endpoint: ftp://x/v1", "llm.endpoint"),
            ("endpoint: https://user:sk-live-123@api.example.com/v1", "llm.endpoint"),
            ("endpoint: https://api.example.com/v1?key=sk-live-123", "llm.endpoint"),
            ("api_key_env: sk-live-123", "llm.api_key_env"),
            ("models: []", "llm.models"),
            ("decision_interval: 0", "llm.decision_interval"),
            ("timeout_ms: 90000\n  thinking_deadline_ms: 60000", "llm.timeout_ms"),
            ("concurrency: 0", "llm.concurrency"),
            ("sampling: {temperature: \"hot\"}", "llm.sampling.temperature"),
        ])
    func refused(line: String, field: String) {
        var yaml = "id: llm\nname: LLM\nllm:\n  endpoint: http://127.0.0.1:8089/v1\n  models: [m]\n"
        let key = line.prefix { $0 != ":" }
        if key == "endpoint" || key == "models" {
            yaml = yaml.split(separator: "\n").filter { !$0.hasPrefix("  \(key):") }.joined(separator: "\n") + "\n"
        }
        yaml += "  \(line)\n"
        #expect {
            try ContestDefinitionLoader.parse(yaml)
        } throws: { error in
            (error as? ContestError)?.field == field
        }
    }
}
