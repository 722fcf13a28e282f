package import MarketModel

/// The narrow seam between the background market and the exchange: what the agents may read of
/// the market and the house orders they may place or cancel. `Exchange` is the one conformer; it
/// hands itself to `BackgroundMarket.trade(on:)` once per tick, between the price step and the
/// index/mark/funding update.
///
/// Accounts are the house account ids the background was built with; instruments are indexes into
/// the market configuration; prices are ticks and sizes lots. House orders skip the price band and
/// margin checks (inventory limits are the agents' job) and pay normal fees.
package protocol HouseDesk {
    /// The tick being closed.
    var tick: Int64 { get }
    /// Best bid in ticks, `nil` when the side is empty.
    func bestBid(_ instrument: Int) -> Int64?
    /// Best ask in ticks, `nil` when the side is empty.
    func bestAsk(_ instrument: Int) -> Int64?
    /// Cumulative traded lots of the instrument.
    func tradedLots(_ instrument: Int) -> Int64
    /// Signed position size of `account` in lots.
    func positionLots(account: Int, instrument: Int) -> Int64
    /// Whether house order `order` still rests on the book.
    func isResting(_ order: UInt64) -> Bool
    /// Lots of house order `order` still resting (0 when it no longer rests).
    func restingLots(_ order: UInt64) -> Int64
    /// Places a house limit order; returns its order id (it may fill, rest or be cancelled).
    mutating func placeHouseLimitOrder(
        account: Int, instrument: Int, side: Side, price: Int64, lots: Int64, timeInForce: TimeInForce
    ) -> UInt64
    /// Places a house market order (IOC, limited at the edge of the price band).
    mutating func placeHouseMarketOrder(account: Int, instrument: Int, side: Side, lots: Int64)
    /// Cancels house order `order` if it still rests.
    mutating func cancelHouseOrder(_ order: UInt64)
}
