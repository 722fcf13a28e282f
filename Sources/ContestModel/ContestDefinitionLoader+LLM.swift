import Foundation

extension ContestDefinitionLoader {
    /// Checks the `llm` section (when present).
    static func validateLLM(_ settings: LLMSettings?) throws(ContestError) {
        guard let s = settings else { return }
        func fail(_ field: String, _ message: String) -> ContestError {
            ContestError(.invalid, field: "llm." + field, message)
        }
        guard let url = URL(string: s.endpoint), let scheme = url.scheme, ["http", "https"].contains(scheme),
            url.host != nil
        else { throw fail("endpoint", "must be an http(s) URL such as https://api.example.com/v1") }
        // The definition is public: a key in the URL would be served to everyone.
        if url.user != nil || url.password != nil || url.query != nil {
            throw fail("endpoint", "must hold no user, password or query (put the key in api_key_env)")
        }
        if let name = s.apiKeyEnv, name.range(of: "^[A-Z_][A-Z0-9_]{0,63}$", options: .regularExpression) == nil {
            throw fail("api_key_env", "must name an environment variable (A-Z, 0-9, _), not hold the key")
        }
        if s.models.isEmpty || s.models.count > 16 { throw fail("models", "list 1..16 models") }
        if s.models.contains(where: { $0.isEmpty || $0.count > 128 }) {
            throw fail("models", "model names are 1-128 characters")
        }
        if !(1...100_000).contains(s.decisionInterval) { throw fail("decision_interval", "must be 1..100000") }
        if !(100...600_000).contains(s.thinkingDeadlineMilliseconds) {
            throw fail("thinking_deadline_ms", "must be 100..600000")
        }
        if !(50...600_000).contains(s.timeoutMilliseconds) { throw fail("timeout_ms", "must be 50..600000") }
        if s.timeoutMilliseconds > s.thinkingDeadlineMilliseconds {
            throw fail("timeout_ms", "must not exceed thinking_deadline_ms (a call must end before the market moves)")
        }
        if !(0...5).contains(s.retries) { throw fail("retries", "must be 0..5") }
        if !(1...256).contains(s.concurrency) { throw fail("concurrency", "must be 1..256") }
        if !(1...100_000).contains(s.maxTokens) { throw fail("max_tokens", "must be 1..100000") }
        for (name, value) in [("sampling.temperature", s.sampling.temperature), ("sampling.top_p", s.sampling.topP)]
        where value.range(of: "^[0-9]+(\\.[0-9]+)?$", options: .regularExpression) == nil {
            throw fail(name, "must be a plain decimal string such as \"0.2\"")
        }
        let b = s.budget
        if b.requests < 0 || b.inputTokens < 0 || b.outputTokens < 0 {
            throw fail("budget", "budgets are zero or more")
        }
    }
}
