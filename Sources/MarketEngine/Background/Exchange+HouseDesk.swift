import MarketBackground
package import MarketModel

/// The house-order seam: the only way the background market reads or changes the exchange.
extension Exchange: HouseDesk {
    /// Runs the background agents once against this exchange (end of tick, after the price step).
    mutating func runBackground() {
        var background = BackgroundMarket.detached
        swap(&background, &self.background)
        background.trade(on: &self)
        swap(&background, &self.background)
    }

    package func bestBid(_ instrument: Int) -> Int64? { books[instrument].bestBid }

    package func bestAsk(_ instrument: Int) -> Int64? { books[instrument].bestAsk }

    package func tradedLots(_ instrument: Int) -> Int64 { markets[instrument].volume }

    package func positionLots(account: Int, instrument: Int) -> Int64 {
        positions[positionIndex(account, instrument)].size
    }

    package func isResting(_ order: UInt64) -> Bool { orderIndex[order] != nil }

    package func restingLots(_ order: UInt64) -> Int64 {
        guard let slot = orderIndex[order] else { return 0 }
        return orders[Int(slot)].remaining
    }

    package mutating func placeHouseLimitOrder(
        account: Int, instrument: Int, side: Side, price: Int64, lots: Int64, timeInForce: TimeInForce
    ) -> UInt64 {
        houseOrder(account, instrument, side: side, kind: .limit, limit: price, lots: lots, timeInForce: timeInForce)
    }

    package mutating func placeHouseMarketOrder(account: Int, instrument: Int, side: Side, lots: Int64) {
        houseOrder(
            account, instrument, side: side, kind: .market, limit: bandEdge(instrument, side: side), lots: lots,
            timeInForce: .ioc)
    }

    package mutating func cancelHouseOrder(_ order: UInt64) {
        guard let slot = orderIndex[order] else { return }
        removeResting(slot: Int(slot), reason: .requested)
    }

    /// Places a house order (no band or margin checks; inventory limits are the agent's job).
    @discardableResult
    private mutating func houseOrder(
        _ a: Int, _ i: Int, side: Side, kind: OrderKind, limit: Int64, lots: Int64, timeInForce: TimeInForce
    ) -> UInt64 {
        let request = OrderRequest(
            account: AccountID(UInt32(a)), instrument: InstrumentID(UInt16(i)), side: side, kind: kind,
            price: kind == .market ? nil : Price(ticks: limit), quantity: Quantity(lots: lots),
            timeInForce: timeInForce)
        return submit(
            account: a, instrument: i, side: side, limit: limit, lots: lots, timeInForce: timeInForce,
            reduceOnly: false, clientTag: 0, feeMode: .normal, request: request
        ).id
    }
}
