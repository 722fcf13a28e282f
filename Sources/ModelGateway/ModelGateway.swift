public import AuditLog
public import BotProtocol
public import ContestModel
import Crypto
import Foundation
import Synchronization

/// The platform's broker between bots and the contest's model endpoint: checks a request
/// against the contest's terms (allowed models, budget), waits for a fair share of the
/// endpoint's concurrency, calls it with the contest's fixed sampling parameters and timeout,
/// retries platform-side failures without charging the team, and classifies the outcome.
///
/// One gateway per heat (budgets are per team per run). Thread-safe.
public final class ModelGateway: Sendable {
    public let settings: LLMSettings
    let endpoint: any ModelEndpoint
    let scheduler: FairScheduler
    let ledger: Mutex<BudgetLedger>

    /// A gateway for a heat of a contest with `settings`, calling `endpoint`.
    public init(settings: LLMSettings, endpoint: any ModelEndpoint) {
        self.settings = settings
        self.endpoint = endpoint
        self.scheduler = FairScheduler(capacity: settings.concurrency)
        self.ledger = Mutex(BudgetLedger(budget: settings.budget))
    }

    /// Each team's spending so far.
    public var usage: [Int: BudgetLedger.Usage] { ledger.withLock { $0.usage } }

    /// The terms announced to bots in `hello.llm`.
    public var info: LLMInfo {
        LLMInfo(
            models: settings.models, decisionInterval: settings.decisionInterval,
            thinkingDeadlineMs: settings.thinkingDeadlineMilliseconds, maxTokens: settings.maxTokens,
            maxRequests: settings.budget.requests, maxInputTokens: settings.budget.inputTokens,
            maxOutputTokens: settings.budget.outputTokens)
    }

    /// Serves one request of team `slot` made at the decision point of `tick`. With `until`
    /// (the end of the thinking window) no call outlives the window: each call's timeout is cut
    /// to the time left, and a request still waiting for an endpoint slot when the window ends
    /// gets `timeout` without a call.
    public func serve(slot: Int, tick: Int64, request: LLMRequest, until: ContinuousClock.Instant? = nil) async
        -> ModelExchange
    {
        let started = ContinuousClock.now
        let windowEnd = until ?? started + .milliseconds(settings.thinkingDeadlineMilliseconds)
        let model = String((request.model ?? settings.models.first ?? "").prefix(ModelRequestCheck.maxModelBytes))
        var call = ChatCompletionRequest(
            model: model, messages: request.messages, maxTokens: settings.maxTokens,
            temperature: settings.sampling.temperature, topP: settings.sampling.topP, seed: settings.sampling.seed)
        let prompt = call.messagesJSON
        func finish(
            _ outcome: LLMOutcome, _ error: String, completion: ChatCompletion? = nil, tokens: (Int, Int) = (0, 0),
            attempts: Int = 0
        ) -> ModelExchange {
            let elapsed = ContinuousClock.now - started
            let latency = UInt64(
                max(0, elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000))
            let record = ModelExchangeRecord(
                requestID: ModelRequestCheck.printable(request.id), tick: tick, model: model,
                parameters: call.parametersJSON,
                prompt: settings.redactPrompts ? Self.hash(prompt) : prompt, completion: completion?.content ?? "",
                inputTokens: UInt64(tokens.0), outputTokens: UInt64(tokens.1), latencyMs: latency,
                outcome: outcome.rawValue, error: error, attempts: UInt32(attempts))
            let response = LLMResponse(
                id: request.id, outcome: outcome, model: model, content: completion?.content,
                usage: outcome == .ok ? LLMUsage(inputTokens: tokens.0, outputTokens: tokens.1) : nil,
                error: error.isEmpty ? nil : error)
            return ModelExchange(slot: slot, response: response, record: record, prompt: prompt)
        }
        if let problem = ModelRequestCheck.problem(request) {
            ledger.withLock { $0.noteRefusal(slot: slot) }
            return finish(.malformedRequest, problem)
        }
        guard settings.models.contains(model) else {
            ledger.withLock { $0.noteRefusal(slot: slot) }
            return finish(
                .modelNotAllowed, "model \(model) is not allowed; allowed: \(settings.models.joined(separator: ", "))")
        }
        let estimate = TokenEstimate.of(prompt)
        // Admission: the request holds its share of the budget while in flight.
        let refusal: String? = ledger.withLock { ledger in
            if let reason = ledger.refusal(slot: slot, inputTokens: estimate) {
                ledger.noteRefusal(slot: slot)
                return reason
            }
            call.maxTokens = max(
                1,
                min(call.maxTokens, request.maxTokens ?? call.maxTokens, ledger.remainingOutputTokens(slot: slot)))
            ledger.hold(slot: slot, inputTokens: estimate, outputTokens: call.maxTokens)
            return nil
        }
        if let refusal { return finish(.budgetExhausted, refusal) }
        let held = (estimate, call.maxTokens)
        let timeout = Duration.milliseconds(settings.timeoutMilliseconds)
        let maxContentBytes = Self.maxContentBytes(maxTokens: call.maxTokens)
        var attempts = 0
        var lastError = EndpointError(.timeout, "the thinking window ended before an endpoint slot was free")
        while true {
            await scheduler.acquire(slot: slot)
            let left = windowEnd - ContinuousClock.now
            guard left > .zero else {
                await scheduler.release()
                break
            }
            attempts += 1
            var result = await Self.call(endpoint, call, timeout: min(timeout, left))
            await scheduler.release()
            if case .success(let completion) = result, completion.content.utf8.count > maxContentBytes {
                result = .failure(
                    EndpointError(
                        .malformedAnswer,
                        "the answer has \(completion.content.utf8.count) bytes, more than max_tokens "
                            + "\(call.maxTokens) allows (\(maxContentBytes))"))
            }
            switch result {
            case .success(let completion):
                let input = BudgetLedger.clamp(completion.promptTokens ?? estimate)
                let output = min(
                    BudgetLedger.clamp(completion.completionTokens ?? TokenEstimate.of(completion.content)),
                    call.maxTokens)
                ledger.withLock {
                    $0.release(slot: slot, inputTokens: held.0, outputTokens: held.1)
                    $0.charge(slot: slot, inputTokens: input, outputTokens: output)
                }
                return finish(.ok, "", completion: completion, tokens: (input, output), attempts: attempts)
            case .failure(let error):
                lastError = error
            }
            // Another attempt only while the contest allows one and a full timeout fits in the window.
            guard attempts <= settings.retries, ContinuousClock.now + timeout <= windowEnd else { break }
        }
        ledger.withLock {
            $0.release(slot: slot, inputTokens: held.0, outputTokens: held.1)
            $0.notePlatformFailure(slot: slot)
        }
        let outcome: LLMOutcome = lastError.code == .timeout ? .timeout : .endpointError
        return finish(outcome, lastError.description, attempts: attempts)
    }

    /// Most bytes of completion text accepted for a cap of `maxTokens` tokens (32 bytes a token,
    /// at least 4 KiB): a longer answer is the endpoint's failure, never recorded or sent on.
    public static func maxContentBytes(maxTokens: Int) -> Int {
        max(4096, maxTokens * 32)
    }

    /// Calls `endpoint`, giving up after `timeout`.
    static func call(_ endpoint: any ModelEndpoint, _ request: ChatCompletionRequest, timeout: Duration) async
        -> Result<ChatCompletion, EndpointError>
    {
        await withTaskGroup(of: Result<ChatCompletion, EndpointError>?.self) { group in
            group.addTask {
                do throws(EndpointError) {
                    return .success(try await endpoint.complete(request))
                } catch {
                    return .failure(error)
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return Task.isCancelled ? nil : .failure(EndpointError(.timeout, "no answer within \(timeout)"))
            }
            var outcome: Result<ChatCompletion, EndpointError> = .failure(EndpointError(.timeout, "cancelled"))
            for await result in group {
                guard let result else { continue }
                outcome = result
                break
            }
            group.cancelAll()
            return outcome
        }
    }

    /// `sha256:<hex>` of a prompt (what redacted transcripts keep).
    public static func hash(_ text: String) -> String {
        "sha256:" + SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
