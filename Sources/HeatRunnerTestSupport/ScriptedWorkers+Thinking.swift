public import BotProtocol
import Foundation
public import Sandbox
import Synchronization

extension ScriptedWorkers {
    /// A decision point: slots with a `WorkerScript.thinking` entry ask the window's broker and
    /// wait for the answer (logged as `llm <outcome>: <content>`); a thinking time beyond the
    /// window's deadline misses the tick. Every other slot replies as at any tick.
    public func exchange(_ observations: [Int: Observation], thinking: ThinkingWindow) -> [Int: WorkerTickResult] {
        var answers: [Int: LLMResponse] = [:]
        for slot in observations.keys.sorted() {
            guard let agent = script.thinking[slot], observations[slot].map({ !isFaulted($0, slot: slot) }) ?? false
            else { continue }
            let box = AnswerBox()
            let done = DispatchSemaphore(value: 0)
            thinking.broker.submit(slot: slot, tick: observations[slot]!.tick, request: agent.request) { response in
                box.value.withLock { $0 = response }
                done.signal()
            }
            _ = done.wait(timeout: .now() + 60)
            answers[slot] = box.value.withLock { $0 }
        }
        state.withLock { $0.windows.append(thinking.deadline) }
        var results = exchange(observations.filter { script.thinking[$0.key] == nil })
        state.withLock { state in
            for slot in answers.keys.sorted() {
                guard let agent = script.thinking[slot], let observation = observations[slot] else { continue }
                state.observations[slot, default: []].append(observation)
                let answer = answers[slot]
                let log = "llm \(answer?.outcome ?? "no answer"): \(answer?.content ?? answer?.error ?? "")"
                state.logs[slot, default: []].append(log)
                if agent.thinkingTime > thinking.deadline {
                    let misses = state.consecutiveMisses[slot, default: 0] + 1
                    state.consecutiveMisses[slot] = misses
                    state.totalMisses[slot, default: 0] += 1
                    results[slot] = .missed(strikes: misses)
                } else {
                    state.consecutiveMisses[slot] = 0
                    results[slot] = .actions(agent.actions, logs: [log])
                }
            }
        }
        return results
    }

    /// The thinking deadlines of the decision points so far, in order.
    public var thinkingWindows: [Duration] { state.withLock { $0.windows } }

    private final class AnswerBox: Sendable {
        let value = Mutex<LLMResponse?>(nil)
    }

    private func isFaulted(_ observation: Observation, slot: Int) -> Bool {
        state.withLock { $0.faults[slot] != nil }
    }
}
