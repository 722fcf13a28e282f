import MarketModel

/// What one tick has emitted so far; reused across ticks to avoid allocation.
struct TickContext: Sendable {
    var actions: [StrategyAction?] = []
    var logs: [String] = []
    /// Position plus the signed size of this tick's orders, in lots, per strategy market.
    var pending: [Int64]
    /// Index in `actions` of this tick's `target_position` order, per strategy market.
    var targetAction: [Int?]
    /// Signed lots of that order.
    var targetLots: [Int64]
    /// Markets a stop-loss/take-profit closed this tick: rules may not add exposure there.
    var closedByRisk: [Bool]
    var ordersPlaced = 0
    var droppedLogs = 0
    var notedOrderCap = false

    init(markets: Int) {
        pending = [Int64](repeating: 0, count: markets)
        targetAction = [Int?](repeating: nil, count: markets)
        targetLots = [Int64](repeating: 0, count: markets)
        closedByRisk = [Bool](repeating: false, count: markets)
    }

    mutating func reset(positions: (Int) -> Int64) {
        actions.removeAll(keepingCapacity: true)
        logs.removeAll(keepingCapacity: true)
        for index in pending.indices {
            pending[index] = positions(index)
            targetAction[index] = nil
            targetLots[index] = 0
            closedByRisk[index] = false
        }
        ordersPlaced = 0
        droppedLogs = 0
        notedOrderCap = false
    }
}
