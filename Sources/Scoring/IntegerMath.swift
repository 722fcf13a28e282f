/// Integer helpers that keep metrics exact and reproducible.
public enum IntegerMath {
    /// Floor of the square root of a non-negative value (Newton's method).
    public static func squareRoot(_ value: Int128) -> Int128 {
        guard value > 1 else { return max(0, value) }
        var x = value
        var y = (x + 1) / 2
        while y < x {
            x = y
            y = (x + value / x) / 2
        }
        return x
    }
}
