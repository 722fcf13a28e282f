import BotProtocol
import Foundation
import Testing

@Suite("llm_request and llm_response on the wire")
struct ProtocolMessageTests {
    @Test("a bot's llm_request line decodes with its id, model, messages and max_tokens")
    func request() throws {
        let line =
            #"{"type":"llm_request","id":"r1","model":"m","max_tokens":50,"messages":[{"role":"user","content":"hi"}]}"#
        let message = try BotProtocolCodec().decodeBotLine(Array(line.utf8))
        #expect(
            message
                == .llmRequest(
                    LLMRequest(
                        id: "r1", model: "m", messages: [LLMChatMessage(role: "user", content: "hi")], maxTokens: 50)
                ))
    }

    @Test("an llm_request without messages is a protocol violation like any missing field")
    func missingField() {
        #expect(throws: ProtocolError.self) {
            try BotProtocolCodec().decodeBotLine(Array(#"{"type":"llm_request","id":"r1"}"#.utf8))
        }
    }

    @Test("the host's fast encoding of llm_response and hello.llm matches the Codable form")
    func response() throws {
        let response = LLMResponse(
            id: "r1", outcome: .ok, model: "m", content: "{\"action\":\"long\"}\n",
            usage: LLMUsage(inputTokens: 3, outputTokens: 4))
        let line = HostMessage.llmResponse(response).encodedLine()
        #expect(line.last == 0x0A)
        #expect(try BotProtocolCodec().decodeHostLine(Array(line.dropLast())) == .llmResponse(response))
        let failed = LLMResponse(id: "r2", outcome: .budgetExhausted, error: "request budget used up (8/8)")
        let failedLine = HostMessage.llmResponse(failed).encodedLine()
        #expect(try BotProtocolCodec().decodeHostLine(Array(failedLine.dropLast())) == .llmResponse(failed))
    }

    @Test("an observation at a decision point says so; others carry no decision_point field")
    func decisionPoint() throws {
        var observation = Observation(
            tick: 1, timeMs: 1000, markets: [],
            account: AccountView(
                balance: "1", equity: "1", available: "1", marginRatio: "0", positions: [], openOrders: [], fills: [],
                rejections: [], events: []))
        let plain = String(decoding: HostMessage.observation(observation).encodedLine(), as: UTF8.self)
        observation.decisionPoint = true
        let marked = String(decoding: HostMessage.observation(observation).encodedLine(), as: UTF8.self)
        #expect(!plain.contains("decision_point"))
        #expect(marked.contains(#""decision_point":true"#))
    }

    @Test("a bot cannot forge an answer: an llm_response (or any host message) on its stdout is a protocol violation")
    func forgedResponse() {
        let forged = #"{"type":"llm_response","id":"r1","outcome":"ok","content":"{\"action\":\"long\"}"}"#
        #expect(throws: ProtocolError.self) { try BotProtocolCodec().decodeBotLine(Array(forged.utf8)) }
    }
}
