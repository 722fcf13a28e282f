import BotProtocol
import Foundation

/// A tiny deterministic "model" for development, tests and offline demos: reads
/// `mark=<decimal>` and `sma=<decimal>` from the last user message and answers an Alpha-Arena
/// style JSON decision (long above the average, short below, hold otherwise), or the next of
/// its scripted answers. Same request, same answer. `arena-model-stub` serves it over HTTP.
public struct StubModel: ModelEndpoint {
    public var name: String
    public var delay: Duration
    public var behavior: StubBehavior
    /// Answers returned in turn instead of the rule (cycled by the request's message count).
    public var script: [String]

    /// A stub named `name`.
    public init(
        name: String = "stub-trader", delay: Duration = .zero, behavior: StubBehavior = .answer, script: [String] = []
    ) {
        self.name = name
        self.delay = delay
        self.behavior = behavior
        self.script = script
    }

    public func complete(_ request: ChatCompletionRequest) async throws(EndpointError) -> ChatCompletion {
        if behavior == .hang {
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
            throw EndpointError(.timeout, "the stub hangs")
        }
        if delay > .zero {
            do {
                try await Task.sleep(for: delay)
            } catch {
                throw EndpointError(.timeout, "cancelled")
            }
        }
        if behavior == .error { throw EndpointError(.status, "HTTP 503: the stub is configured to fail") }
        let prompt = request.messages.last(where: { $0.role == "user" })?.content ?? ""
        let content: String
        if behavior == .malformed {
            content = "I think the market will go up!! (not JSON)"
        } else if !script.isEmpty {
            content = script[request.messages.count % script.count]
        } else {
            content = Self.decide(prompt)
        }
        let input = request.messages.reduce(0) { $0 + TokenEstimate.of($1.content) + 4 }
        let output = min(TokenEstimate.of(content), request.maxTokens)
        return ChatCompletion(content: content, model: name, promptTokens: input, completionTokens: output)
    }

    /// The rule: a JSON decision from `mark=` and `sma=` in `prompt`.
    public static func decide(_ prompt: String) -> String {
        guard let mark = number(after: "mark=", in: prompt), let sma = number(after: "sma=", in: prompt), sma > 0 else {
            return #"{"action":"hold","leverage":1,"confidence":0.1,"justification":"no mark/sma in the prompt"}"#
        }
        let gap = (mark - sma) / sma
        let action = gap > 0.0001 ? "long" : gap < -0.0001 ? "short" : "hold"
        let confidence = min(0.9, 0.5 + abs(gap) * 100)
        var levels = ""
        if action != "hold" {
            let stop = action == "long" ? mark * 0.99 : mark * 1.01
            let target = action == "long" ? mark * 1.02 : mark * 0.98
            levels = "\"stop\":\"\(format(stop))\",\"target\":\"\(format(target))\","
        }
        return "{\"action\":\"\(action)\",\"leverage\":2,\(levels)"
            + "\"confidence\":\(format(confidence)),\"justification\":\"mark \(format(mark)) vs sma \(format(sma))\"}"
    }

    static func number(after key: String, in text: String) -> Double? {
        guard let range = text.range(of: key) else { return nil }
        let digits = text[range.upperBound...].prefix { $0.isNumber || $0 == "." || $0 == "-" }
        return Double(digits)
    }

    static func format(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}
