/// A compiled expression: a range of the program's instructions leaving one value on the stack.
struct CodeRange: Hashable, Sendable {
    var start: Int
    var end: Int
    var type: ValueType

    /// Instructions in the range; each executed instruction costs one step.
    var cost: Int { end - start }
}
