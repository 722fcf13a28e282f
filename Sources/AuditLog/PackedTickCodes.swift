/// Kind bytes of the version-2 packed tick records (docs/AUDIT.md, "Packed tick records").
enum PackedTickCodes {
    // Inputs: the low four bits name the input, bits 4–5 the origin (0 bot, 1 system, 2 house),
    // bit 6 "same origin as the previous command" (no slot written), bit 7 "the account the
    // slot's previous command named" (no account written).
    static let placeOrder: UInt8 = 0
    static let cancelAll: UInt8 = 1
    static let cancelOrder: UInt8 = 2
    /// Any other command, written in its version-1 form to the misc column.
    static let otherCommand: UInt8 = 3
    /// An input that is not a command (timeout, fault, boundary rejection, decision, model
    /// exchange), written in its version-1 form (with its tag) to the misc column.
    static let otherInput: UInt8 = 4
    static let sameOrigin: UInt8 = 0x40
    static let predictedAccount: UInt8 = 0x80

    // Events.
    /// Any event in its version-1 form (with its tag) in the misc column.
    static let literalEvent: UInt8 = 0
    /// `orderAccepted` of a `placeOrder` of the record: order id, requests skipped.
    static let acceptedReference: UInt8 = 1
    /// `orderAccepted` without a command, same account as the previous such acceptance.
    static let acceptedSameAccount: UInt8 = 2
    /// `orderAccepted` without a command, account written.
    static let accepted: UInt8 = 3
    /// `orderCancelled` of the predicted live order (only the reason is written).
    static let cancelledPredicted: UInt8 = 4
    /// `orderCancelled` of another live order (order id difference, reason).
    static let cancelledLive: UInt8 = 5
    /// `orderCancelled` of the lowest live order of an account (account, reason).
    static let cancelledFirstOf: UInt8 = 6
    /// `trade`, plus 1 when the maker side is the live maker order's, plus 2 when the taker
    /// account is the live taker order's.
    static let trade: UInt8 = 8
    /// `realizedPnL` of the next account of the previous trade.
    static let pnlPredicted: UInt8 = 12
    /// `realizedPnL`, account written.
    static let pnl: UInt8 = 13
    /// `priceUpdate`.
    static let priceUpdate: UInt8 = 14
}
