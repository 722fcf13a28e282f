import AuditLog
import MarketModel

/// The ticks at which each bot traded, read back from a backtest's transcript (for the chart's
/// fill markers and the `fill_ticks` of `arena backtest --json`).
enum BacktestFills {
    /// Engine ticks with at least one fill (as maker or taker), by slot, ascending.
    static func ticks(in transcript: Transcript) -> [Int: [Int64]] {
        guard let records = try? Transcript.decode(transcript.bytes).records else { return [:] }
        var slots: [AccountID: Int] = [:]
        for team in transcript.results.teams { slots[team.account] = Int(team.slot) }
        var fills: [Int: [Int64]] = [:]
        for record in records {
            var traded = Set<Int>()
            for case .trade(let trade) in record.events {
                if let slot = slots[trade.makerAccount] { traded.insert(slot) }
                if let slot = slots[trade.takerAccount] { traded.insert(slot) }
            }
            for slot in traded { fills[slot, default: []].append(record.tick) }
        }
        return fills
    }
}
