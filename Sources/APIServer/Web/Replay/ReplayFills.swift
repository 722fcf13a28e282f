/// Every fill of a team, columnar: entry `i` of each array is one fill.
struct ReplayFills: Codable, Sendable {
    var tick: [Int64] = []
    var slot: [Int] = []
    var instrument: [Int] = []
    /// `1` bought, `-1` sold.
    var side: [Int] = []
    var price: [Int64] = []
    var quantity: [Int64] = []
    /// `1` when the team's order was resting (maker), `0` when it took liquidity.
    var maker: [Int] = []

    var count: Int { tick.count }

    mutating func append(tick: Int64, slot: Int, instrument: Int, side: Int, price: Int64, quantity: Int64, maker: Bool)
    {
        self.tick.append(tick)
        self.slot.append(slot)
        self.instrument.append(instrument)
        self.side.append(side)
        self.price.append(price)
        self.quantity.append(quantity)
        self.maker.append(maker ? 1 : 0)
    }

    /// Only the fills of `slot`.
    func only(slot kept: Int) -> ReplayFills {
        var out = ReplayFills()
        for i in tick.indices where slot[i] == kept {
            out.append(
                tick: tick[i], slot: slot[i], instrument: instrument[i], side: side[i], price: price[i],
                quantity: quantity[i], maker: maker[i] == 1)
        }
        return out
    }
}
