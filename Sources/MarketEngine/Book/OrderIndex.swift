/// Order id → slab slot. Ids are assigned in increasing order, so recent ids live in a sliding
/// array window (an index operation instead of hashing); ids that fall out of the window while
/// still resting move to a small dictionary. The dictionary is only used for lookups, never
/// iterated into output.
struct OrderIndex: Sendable {
    /// Id of `window[head]`... ids below `base + head` are either gone or in `overflow`.
    private var base: UInt64 = 1
    private var head = 0
    private var window: [Int32] = []
    private var overflow: [UInt64: Int32] = [:]
    /// Live entries.
    private(set) var count = 0

    init() { window.reserveCapacity(4_096) }

    subscript(id: UInt64) -> Int32? {
        get {
            if id >= base + UInt64(head) {
                let offset = Int(id - base)
                guard offset < window.count else { return nil }
                let slot = window[offset]
                return slot >= 0 ? slot : nil
            }
            return overflow.isEmpty ? nil : overflow[id]
        }
        set {
            if let slot = newValue { insert(id, slot) } else { remove(id) }
        }
    }

    private mutating func insert(_ id: UInt64, _ slot: Int32) {
        if id < base + UInt64(head) {
            if overflow.updateValue(slot, forKey: id) == nil { count += 1 }
            return
        }
        let offset = Int(id - base)
        while window.count <= offset { window.append(-1) }
        if window[offset] < 0 { count += 1 }
        window[offset] = slot
    }

    private mutating func remove(_ id: UInt64) {
        if id < base + UInt64(head) {
            if overflow.removeValue(forKey: id) != nil { count -= 1 }
            return
        }
        let offset = Int(id - base)
        guard offset < window.count, window[offset] >= 0 else { return }
        window[offset] = -1
        count -= 1
        while head < window.count, window[head] < 0 { head += 1 }
        maintain()
    }

    /// Keeps the window dense: drops the dead prefix, and when old resting orders keep it
    /// sparse, moves the oldest half's live entries to `overflow`.
    private mutating func maintain() {
        let span = window.count - head
        if head >= 4_096, head >= span {
            window.removeFirst(head)
            base += UInt64(head)
            head = 0
            return
        }
        let windowLive = count - overflow.count
        guard span > 65_536, windowLive * 4 < span else { return }
        let cut = head + span / 2
        for offset in head..<cut where window[offset] >= 0 { overflow[base + UInt64(offset)] = window[offset] }
        window.removeFirst(cut)
        base += UInt64(cut)
        head = 0
        while head < window.count, window[head] < 0 { head += 1 }
    }
}
