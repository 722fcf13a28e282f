import Dispatch

/// Splits work over the cores a heat is given. Chunks are contiguous index ranges; each runs on
/// one thread, so per-index state needs no locks as long as every chunk touches its own indices
/// and shared state is only read (the callers' contract: the engine is not mutated meanwhile).
enum Parallel {
    /// Runs `body` over `0..<count` in at most `threads` chunks (inline when one chunk suffices,
    /// i.e. when `count` is below `minimumPerChunk × 2`). Returns when every chunk has finished.
    static func chunks(count: Int, threads: Int, minimumPerChunk: Int = 8, _ body: (Range<Int>) -> Void) {
        let chunks = max(1, min(threads, count / max(1, minimumPerChunk)))
        guard chunks > 1 else {
            if count > 0 { body(0..<count) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let work = Unchecked(body)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                work.value(chunk * count / chunks..<(chunk + 1) * count / chunks)
            }
        }
    }

    /// Runs `first` and `second` at the same time (two threads) and returns when both are done.
    static func both(_ first: () -> Void, _ second: () -> Void) {
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let work = Unchecked((first, second))
                DispatchQueue.concurrentPerform(iterations: 2) { index in
                    if index == 0 { work.value.0() } else { work.value.1() }
                }
            }
        }
    }

    /// Hands a closure to the pool's threads; `concurrentPerform` returns only after every
    /// iteration finished, so the closure never outlives the call.
    private struct Unchecked<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
