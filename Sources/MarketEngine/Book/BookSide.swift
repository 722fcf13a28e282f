import DequeModule

/// One side of a book: price levels sorted ascending by key, so the best level is last and
/// the common operations (touch, insert near the touch, remove the touch) are O(1) amortised.
struct BookSide: Sendable {
    var levels: [PriceLevel] = []
    /// Emptied queues kept for reuse, so new price levels do not allocate.
    var spareQueues: [Deque<QueueEntry>] = []

    /// Index of the level with `key`, or the insertion index when absent.
    @inline(__always)
    func search(_ key: Int64) -> (found: Bool, index: Int) {
        var high = levels.count
        // Fast path: most activity is at or near the touch.
        if high > 0 {
            let last = levels[high - 1].key
            if key == last { return (true, high - 1) }
            if key > last { return (false, high) }
        }
        var low = 0
        while low < high {
            let mid = (low + high) >> 1
            let midKey = levels[mid].key
            if midKey == key { return (true, mid) }
            if midKey < key { low = mid + 1 } else { high = mid }
        }
        return (false, low)
    }

    /// Appends an order at `key`, creating the level if needed.
    mutating func add(key: Int64, entry: QueueEntry, lots: Int64) {
        let (found, index) = search(key)
        if found {
            levels[index].queue.append(entry)
            levels[index].quantity += lots
            levels[index].count += 1
        } else {
            var queue = spareQueues.popLast() ?? Deque<QueueEntry>(minimumCapacity: 8)
            queue.append(entry)
            levels.insert(PriceLevel(key: key, queue: queue, quantity: lots, count: 1), at: index)
        }
    }

    /// Removes `lots` of one order at `key` from the aggregates; `orderGone` when the order left
    /// the book. Drops the level once no live order remains.
    /// Returns the level index when its queue is mostly cancelled entries and worth compacting.
    @discardableResult
    mutating func reduce(key: Int64, lots: Int64, orderGone: Bool) -> Int? {
        let (found, index) = search(key)
        guard found else { return nil }
        levels[index].quantity -= lots
        guard orderGone else { return nil }
        levels[index].count -= 1
        let count = levels[index].count
        if count == 0 {
            removeLevel(at: index)
            return nil
        }
        let queued = levels[index].queue.count
        return queued > 64 && queued > 4 * Int(count) ? index : nil
    }

    /// Removes the level at `index`, recycling its queue.
    mutating func removeLevel(at index: Int) {
        var queue = levels.remove(at: index).queue
        if spareQueues.count < 256 {
            queue.removeAll(keepingCapacity: true)
            spareQueues.append(queue)
        }
    }

    /// Best key, if any.
    @inline(__always) var bestKey: Int64? { levels.last?.key }
}
