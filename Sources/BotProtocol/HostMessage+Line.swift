/// Fast, Codable-free encoding of host messages (same keys and shapes as the Codable form).
extension HostMessage {
    /// The message as one JSON line, newline included.
    public func encodedLine() -> [UInt8] {
        var writer = JSONLineWriter()
        writer.beginObject()
        writer.key("type")
        writer.string(type)
        switch self {
        case .hello(let hello): hello.write(to: &writer)
        case .observation(let observation): observation.write(to: &writer)
        case .end(let end):
            writer.key("reason")
            writer.string(end.reason)
            writer.key("final_equity")
            writer.string(end.finalEquity)
        case .llmResponse(let response): response.write(to: &writer)
        }
        writer.endObject()
        writer.newline()
        return writer.bytes
    }
}

extension Hello {
    fileprivate func write(to writer: inout JSONLineWriter) {
        writer.key("protocol_version")
        writer.int(protocolVersion)
        writer.key("contest_id")
        writer.string(contestID)
        writer.key("team")
        writer.string(team)
        writer.key("instruments")
        writer.beginArray()
        for instrument in instruments {
            writer.beginObject()
            writer.key("symbol")
            writer.string(instrument.symbol)
            writer.key("tick_size")
            writer.string(instrument.tickSize)
            writer.key("lot_size")
            writer.string(instrument.lotSize)
            writer.key("min_notional")
            writer.string(instrument.minNotional)
            writer.key("max_leverage")
            writer.int(instrument.maxLeverage)
            writer.key("maker_fee")
            writer.string(instrument.makerFee)
            writer.key("taker_fee")
            writer.string(instrument.takerFee)
            writer.endObject()
        }
        writer.endArray()
        writer.key("limits")
        writer.beginObject()
        writer.key("tick_deadline_ms")
        writer.int(limits.tickDeadlineMs)
        writer.key("max_actions_per_tick")
        writer.int(limits.maxActionsPerTick)
        writer.key("max_line_bytes")
        writer.int(limits.maxLineBytes)
        writer.endObject()
        writer.key("starting_balance")
        writer.string(startingBalance)
        writer.key("ticks_total")
        writer.int(ticksTotal)
        if let llm {
            writer.key("llm")
            llm.write(to: &writer)
        }
        if let decisionsRequired {
            writer.key("decisions_required")
            writer.bool(decisionsRequired)
        }
    }
}
