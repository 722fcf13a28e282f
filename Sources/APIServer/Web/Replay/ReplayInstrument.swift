/// One instrument's price series and book depth, one entry per tick record (after the tick).
struct ReplayInstrument: Codable, Sendable {
    var symbol: String
    /// Money per price tick, decimal (`price = ticks × tick_size`).
    var tickSize: String
    var lotsPerCoin: Int64
    var mark: [Int64]
    var index: [Int64]
    /// Last trade price (0 before the first trade).
    var last: [Int64]
    /// Best `book_depth` bid levels after every `equity_stride`-th tick record, flattened
    /// (record-major; price 0 = no level).
    var bookBidPrice: [Int64]
    var bookBidQuantity: [Int64]
    var bookAskPrice: [Int64]
    var bookAskQuantity: [Int64]
}
