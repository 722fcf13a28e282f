/// How a taker order pays fees.
enum FeeMode: Sendable {
    /// Normal taker fee.
    case normal
    /// No fee (insurance-fund unwind).
    case exempt
    /// Liquidation close: no trading fee; the clearance fee is paid to the fund instead.
    case liquidation
}
