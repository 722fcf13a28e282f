import Dispatch
import Synchronization

/// Runs bundle validation (CPU-bound: inflating and parsing archives) on its own threads, never
/// on Swift's cooperative pool, at most `threads` at a time with at most `queueLimit` waiting.
/// When both are full the caller is refused at once (`Busy`: the API answers 503 with
/// `Retry-After`) instead of queueing without bound.
final class ValidationExecutor: Sendable {
    /// Every thread is busy and the queue is full.
    struct Busy: Error {}

    private struct Waiter {
        var id: UInt64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var running = 0
        var waiting: [Waiter] = []
        var nextId: UInt64 = 0
    }

    let threads: Int
    let queueLimit: Int
    private let queue = DispatchQueue(label: "perparena.validation", qos: .userInitiated, attributes: .concurrent)
    private let state = Mutex(State())

    /// - Parameters:
    ///   - threads: validations running at once (the machine's cores by default).
    ///   - queueLimit: validations waiting for a thread before new ones are refused.
    init(threads: Int, queueLimit: Int) {
        self.threads = max(1, threads)
        self.queueLimit = max(0, queueLimit)
    }

    /// Runs `work` on a validation thread; throws `Busy` when the executor is full.
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T {
        try await acquire()
        defer { release() }
        return await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }

    /// Validations running and waiting.
    var load: (running: Int, waiting: Int) { state.withLock { ($0.running, $0.waiting.count) } }

    private func acquire() async throws {
        enum Admission {
            case run
            case wait(UInt64)
            case busy
        }
        let id = state.withLock { state -> UInt64 in
            state.nextId += 1
            return state.nextId
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let admission = state.withLock { state -> Admission in
                    if state.running < threads {
                        state.running += 1
                        return .run
                    }
                    guard state.waiting.count < queueLimit else { return .busy }
                    state.waiting.append(Waiter(id: id, continuation: continuation))
                    return .wait(id)
                }
                switch admission {
                case .run: continuation.resume()
                case .busy: continuation.resume(throwing: Busy())
                case .wait: break
                }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiting.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiting.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Hands the thread to the next waiter, or frees it.
    private func release() {
        let next = state.withLock { state -> Waiter? in
            if state.waiting.isEmpty {
                state.running -= 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.continuation.resume()
    }
}
