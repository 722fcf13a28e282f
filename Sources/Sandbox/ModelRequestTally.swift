import Synchronization

/// How many model requests each bot made in one thinking window.
final class ModelRequestTally: Sendable {
    private let counts = Mutex<[Int: Int]>([:])

    /// Counts one more request of `slot`; returns the count including it.
    func add(slot: Int) -> Int {
        counts.withLock { counts in
            counts[slot, default: 0] += 1
            return counts[slot, default: 0]
        }
    }
}
