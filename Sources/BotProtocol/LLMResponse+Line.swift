/// Fast encoding of an `llm_response` and of `hello.llm` (see `HostMessage.encodedLine()`).
extension LLMResponse {
    func write(to writer: inout JSONLineWriter) {
        writer.key("id")
        writer.string(id)
        writer.key("outcome")
        writer.string(outcome)
        writer.optionalString("model", model)
        writer.optionalString("content", content)
        if let usage {
            writer.key("usage")
            writer.beginObject()
            writer.key("input_tokens")
            writer.int(usage.inputTokens)
            writer.key("output_tokens")
            writer.int(usage.outputTokens)
            writer.endObject()
        }
        writer.optionalString("error", error)
    }
}

extension LLMInfo {
    func write(to writer: inout JSONLineWriter) {
        writer.beginObject()
        writer.key("models")
        writer.beginArray()
        for model in models { writer.string(model) }
        writer.endArray()
        writer.key("decision_interval")
        writer.int(decisionInterval)
        writer.key("thinking_deadline_ms")
        writer.int(thinkingDeadlineMs)
        writer.key("max_tokens")
        writer.int(maxTokens)
        writer.key("max_requests")
        writer.int(maxRequests)
        writer.key("max_input_tokens")
        writer.int(maxInputTokens)
        writer.key("max_output_tokens")
        writer.int(maxOutputTokens)
        writer.endObject()
    }
}
