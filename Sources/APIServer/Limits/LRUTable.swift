/// A fixed-capacity map that evicts its least recently used entry when full. Reads and writes
/// are O(1) (a dictionary into a doubly linked list kept in arrays); memory is bounded by the
/// capacity whatever keys callers invent, and eviction removes one entry, never all of them.
struct LRUTable<Key: Hashable, Value> {
    private struct Node {
        var key: Key
        var value: Value
        var previous: Int
        var next: Int
    }

    private var index: [Key: Int] = [:]
    private var nodes: [Node] = []
    /// Most recently used node, or -1.
    private var head = -1
    /// Least recently used node, or -1.
    private var tail = -1
    let capacity: Int

    init(capacity: Int) {
        precondition(capacity > 0, "an LRU table needs room for one entry")
        self.capacity = capacity
    }

    var count: Int { index.count }

    /// The value for `key`, marking it most recently used.
    mutating func get(_ key: Key) -> Value? {
        guard let slot = index[key] else { return nil }
        moveToFront(slot)
        return nodes[slot].value
    }

    /// The value for `key` without changing its recency.
    func peek(_ key: Key) -> Value? {
        index[key].map { nodes[$0].value }
    }

    /// Stores `value` as the most recently used entry; returns the key it evicted, if any.
    @discardableResult
    mutating func set(_ key: Key, _ value: Value) -> Key? {
        if let slot = index[key] {
            nodes[slot].value = value
            moveToFront(slot)
            return nil
        }
        var evicted: Key?
        let slot: Int
        if nodes.count < capacity {
            slot = nodes.count
            nodes.append(Node(key: key, value: value, previous: -1, next: -1))
        } else {
            slot = tail
            evicted = nodes[slot].key
            index[nodes[slot].key] = nil
            unlink(slot)
            nodes[slot] = Node(key: key, value: value, previous: -1, next: -1)
        }
        index[key] = slot
        linkFront(slot)
        return evicted
    }

    /// Keys from most to least recently used (for tests and diagnostics).
    var keysByRecency: [Key] {
        var keys: [Key] = []
        var slot = head
        while slot >= 0 {
            keys.append(nodes[slot].key)
            slot = nodes[slot].next
        }
        return keys
    }

    private mutating func moveToFront(_ slot: Int) {
        guard slot != head else { return }
        unlink(slot)
        linkFront(slot)
    }

    private mutating func unlink(_ slot: Int) {
        let (previous, next) = (nodes[slot].previous, nodes[slot].next)
        if previous >= 0 { nodes[previous].next = next } else { head = next }
        if next >= 0 { nodes[next].previous = previous } else { tail = previous }
        nodes[slot].previous = -1
        nodes[slot].next = -1
    }

    private mutating func linkFront(_ slot: Int) {
        nodes[slot].previous = -1
        nodes[slot].next = head
        if head >= 0 { nodes[head].previous = slot }
        head = slot
        if tail < 0 { tail = slot }
    }
}
