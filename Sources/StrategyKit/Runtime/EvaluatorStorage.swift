/// Raw buffers the interpreter works on: instructions, value slots, the evaluation stack and the
/// markets' grids. Owned by one evaluator; `StrategyEvaluator` copies it before mutating when it is
/// shared, so evaluators keep value semantics.
final class EvaluatorStorage: @unchecked Sendable {
    let operations: UnsafeMutableBufferPointer<Operation>
    let slots: UnsafeMutableBufferPointer<Double>
    let stack: UnsafeMutableBufferPointer<Double>
    let grids: UnsafeMutableBufferPointer<GridStep>

    init(operations: [Operation], slotCount: Int, stackSize: Int, grids: [GridStep]) {
        self.operations = .allocate(capacity: operations.count)
        _ = self.operations.initialize(from: operations)
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: .nan)
        stack = .allocate(capacity: stackSize)
        stack.initialize(repeating: 0)
        self.grids = .allocate(capacity: grids.count)
        _ = self.grids.initialize(from: grids)
    }

    /// An independent copy (used when an evaluator that shares its storage is about to mutate).
    init(copying other: EvaluatorStorage) {
        operations = .allocate(capacity: other.operations.count)
        _ = operations.initialize(from: other.operations)
        slots = .allocate(capacity: other.slots.count)
        _ = slots.initialize(from: other.slots)
        stack = .allocate(capacity: other.stack.count)
        stack.initialize(repeating: 0)
        grids = .allocate(capacity: other.grids.count)
        _ = grids.initialize(from: other.grids)
    }

    deinit {
        operations.deinitialize().deallocate()
        slots.deallocate()
        stack.deallocate()
        grids.deallocate()
    }
}
