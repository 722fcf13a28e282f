/// One team's order flow in one run (or, summed, over its runs).
struct OrderActivity: Sendable, Hashable {
    /// `placeOrder` commands the bot sent.
    var ordersPlaced: Int = 0
    /// Orders that passed admission.
    var ordersAccepted: Int = 0
    /// Orders refused by the engine.
    var ordersRejected: Int = 0
    /// Distinct orders of the team that filled at least once (as maker or taker).
    var ordersFilled: Int = 0
    /// Orders the team cancelled itself (`cancel` / `cancel_all`, reason `requested`).
    var ordersCancelled: Int = 0
    /// Engine commands the bot sent (orders, cancels, leverage, ...).
    var messages: Int = 0
    /// Ticks the team took part in.
    var ticks: Int = 0
    /// Runs the team took part in.
    var runs: Int = 0

    static func + (lhs: OrderActivity, rhs: OrderActivity) -> OrderActivity {
        OrderActivity(
            ordersPlaced: lhs.ordersPlaced + rhs.ordersPlaced, ordersAccepted: lhs.ordersAccepted + rhs.ordersAccepted,
            ordersRejected: lhs.ordersRejected + rhs.ordersRejected, ordersFilled: lhs.ordersFilled + rhs.ordersFilled,
            ordersCancelled: lhs.ordersCancelled + rhs.ordersCancelled, messages: lhs.messages + rhs.messages,
            ticks: lhs.ticks + rhs.ticks, runs: lhs.runs + rhs.runs)
    }
}
