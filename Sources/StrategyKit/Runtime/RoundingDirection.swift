/// How a decimal value that is not on the grid is moved onto it.
public enum RoundingDirection: Sendable, Hashable {
    /// Toward minus infinity (buy limit prices: never pay more than asked).
    case down
    /// Toward plus infinity (sell limit prices: never sell for less than asked).
    case up
    /// Toward zero (quantities: never trade more than asked).
    case towardZero
    /// To the nearest grid point, ties away from zero (`round_tick`, `round_lot`).
    case nearest
}
