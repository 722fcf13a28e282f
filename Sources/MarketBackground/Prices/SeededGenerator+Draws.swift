public import MarketModel

extension SeededGenerator {
    /// Uniform in [0, 1) with 53 bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Standard normal draw (Marsaglia polar method; deterministic math only).
    public mutating func gaussian() -> Double {
        while true {
            let u = 2 * unit() - 1
            let v = 2 * unit() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return u * DeterministicMath.sqrt(-2 * DeterministicMath.log(s) / s)
            }
        }
    }
}
