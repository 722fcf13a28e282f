/// Live resting orders per account: the slab slots of each account's orders in an unordered
/// list, and each slot's position in its list, so resting and removing an order are O(1) and
/// listing one account's orders is O(own orders) instead of a walk over every book.
///
/// Derived state (the books are the truth): not part of `stateHash()`; `invariantViolations()`
/// checks it against a recomputation from the books.
struct AccountOrderIndex: Sendable {
    /// Per account, the slots of its live orders (unordered).
    private(set) var slots: [[Int32]] = []
    /// Per slab slot, its position in its account's list (-1 when not listed).
    private var position: [Int32] = []

    /// Adds an account with no orders.
    mutating func openAccount() { slots.append([]) }

    /// Lists `slot` as a live order of account `a`.
    mutating func insert(account a: Int, slot: Int32) {
        let s = Int(slot)
        while position.count <= s { position.append(-1) }
        position[s] = Int32(slots[a].count)
        slots[a].append(slot)
    }

    /// Unlists `slot` from account `a` (swap with the last entry).
    mutating func remove(account a: Int, slot: Int32) {
        let s = Int(slot)
        let p = Int(position[s])
        let last = slots[a].removeLast()
        if last != slot {
            slots[a][p] = last
            position[Int(last)] = Int32(p)
        }
        position[s] = -1
    }

    /// Whether every listed slot points back to its own list entry.
    var backPointersConsistent: Bool {
        var listed = 0
        for list in slots {
            for (p, slot) in list.enumerated() {
                guard Int(slot) < position.count, position[Int(slot)] == Int32(p) else { return false }
                listed += 1
            }
        }
        return listed == position.count(where: { $0 >= 0 })
    }
}
