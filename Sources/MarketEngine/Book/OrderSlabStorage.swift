/// Storage of an `OrderSlab`; shared between copies until one of them writes.
final class OrderSlabStorage: @unchecked Sendable {
    // @unchecked: the buffer is only written through a uniquely referenced `OrderSlab`
    // (copy-on-write), so a shared instance is never mutated.
    let base: UnsafeMutablePointer<RestingOrder>
    let capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        base = UnsafeMutableRawPointer.allocate(byteCount: capacity * MemoryLayout<RestingOrder>.stride, alignment: 64)
            .bindMemory(to: RestingOrder.self, capacity: capacity)
    }

    func copy(capacity: Int) -> OrderSlabStorage {
        let copy = OrderSlabStorage(capacity: max(capacity, count))
        copy.base.initialize(from: base, count: count)
        copy.count = count
        return copy
    }

    deinit {
        base.deinitialize(count: count)
        UnsafeMutableRawPointer(base).deallocate()
    }
}
