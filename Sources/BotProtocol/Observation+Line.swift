/// Fast encoding of an observation (see `HostMessage.encodedLine()`).

import MarketModel

extension Observation {
    func write(to writer: inout JSONLineWriter) {
        writer.key("tick")
        writer.int(tick)
        writer.key("time_ms")
        writer.int(timeMs)
        writer.key("markets")
        writer.beginArray()
        for market in markets { market.write(to: &writer) }
        writer.endArray()
        writer.key("account")
        account.write(to: &writer)
        if decisionPoint == true {
            writer.key("decision_point")
            writer.bool(true)
        }
    }
}

extension MarketView {
    fileprivate func write(to writer: inout JSONLineWriter) {
        writer.beginObject()
        writer.key("symbol")
        writer.string(symbol)
        writer.key("mark")
        writer.string(mark)
        writer.key("index")
        writer.string(index)
        writer.optionalString("last", last)
        writer.key("funding_rate")
        writer.string(fundingRate)
        writer.key("next_funding_tick")
        writer.int(nextFundingTick)
        writer.key("open_interest")
        writer.string(openInterest)
        writer.key("volume")
        writer.string(volume)
        writer.key("bids")
        Self.write(levels: bids, to: &writer)
        writer.key("asks")
        Self.write(levels: asks, to: &writer)
        writer.key("trades")
        writer.beginArray()
        for trade in trades {
            writer.beginObject()
            writer.key("price")
            writer.string(trade.price)
            writer.key("qty")
            writer.string(trade.quantity)
            writer.key("side")
            writer.string(trade.side.rawValue)
            writer.endObject()
        }
        writer.endArray()
        writer.key("trades_truncated")
        writer.bool(tradesTruncated)
        writer.endObject()
    }

    private static func write(levels: [BookLevel], to writer: inout JSONLineWriter) {
        writer.beginArray()
        for level in levels {
            writer.beginArray()
            writer.string(level.price)
            writer.string(level.quantity)
            writer.endArray()
        }
        writer.endArray()
    }
}
