/// The slab of resting orders: a growable array of `RestingOrder` with value semantics
/// (copy-on-write, like `Array`), whose storage is 64-byte aligned so each 64-byte record sits in
/// exactly one cache line (an `Array`'s elements start 32 bytes into its allocation, so every
/// record of a plain `[RestingOrder]` straddled two lines: two cache misses per random cancel).
struct OrderSlab: Sendable {
    private var storage: OrderSlabStorage

    init(capacity: Int) { storage = OrderSlabStorage(capacity: max(1, capacity)) }

    /// Number of slots ever used (live or free).
    @inline(__always) var count: Int { storage.count }

    subscript(slot: Int) -> RestingOrder {
        @inline(__always) get {
            precondition(slot >= 0 && slot < storage.count, "order slot out of range")
            return storage.base[slot]
        }
        @inline(__always) _modify {
            precondition(slot >= 0 && slot < storage.count, "order slot out of range")
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy(capacity: storage.capacity) }
            yield &storage.base[slot]
        }
    }

    /// Appends a record in a new slot.
    mutating func append(_ order: RestingOrder) {
        if !isKnownUniquelyReferenced(&storage) || storage.count == storage.capacity {
            let capacity = storage.count == storage.capacity ? storage.capacity * 2 : storage.capacity
            storage = storage.copy(capacity: capacity)
        }
        (storage.base + storage.count).initialize(to: order)
        storage.count += 1
    }
}
