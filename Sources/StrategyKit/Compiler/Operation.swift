/// One instruction of the expression stack machine. Booleans are 0/1; NaN means "not available".
enum Operation: Sendable {
    case constant(Double)
    /// Pushes the value in a slot (market field, account field, let, indicator, state variable).
    case load(Int)
    case add, subtract, multiply, divide, negate
    case less, lessEqual, greater, greaterEqual, equal, notEqual
    case and, or, not
    case abs, sign, sqrt, floor, ceil, round, nz, clamp
    /// Replaces the top `count` values by their minimum / maximum.
    case min(Int)
    case max(Int)
    /// Pops a condition; when false, skips `offset` further instructions.
    case jumpIfFalse(Int)
    /// Skips `offset` further instructions.
    case jump(Int)
    /// Rounds to the nearest tick / lot of the market at this strategy market index.
    case roundTick(Int)
    case roundLot(Int)
}
