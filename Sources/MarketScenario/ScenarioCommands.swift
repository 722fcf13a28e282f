import MarketEngine
import MarketModel

/// Parses scripted commands into engine commands; off-grid or unknown values are errors.
enum ScenarioCommands {
    static func command(
        _ command: ScenarioCommand, builder: ScenarioBuilder, accounts: [String: AccountID], tags: [String: UInt64]
    ) throws -> MarketCommand {
        guard let account = accounts[command.account] else { throw ScenarioError.unknown("account", command.account) }
        switch command.op {
        case "order":
            let instrument = try builder.instrument(command.instrument)
            guard let sideText = command.side, let side = Side(rawValue: sideText) else {
                throw ScenarioError(code: "invalid_side", message: command.side ?? "missing side")
            }
            let kind = OrderKind(rawValue: command.type ?? "limit")
            guard let kind else { throw ScenarioError.unknown("order type", command.type ?? "") }
            guard let tif = TimeInForce(rawValue: command.tif ?? (kind == .market ? "ioc" : "gtc")) else {
                throw ScenarioError.unknown("time in force", command.tif ?? "")
            }
            guard let quantityText = command.quantity else {
                throw ScenarioError(code: "missing_quantity", message: "order needs a quantity")
            }
            let price = try command.price.map { try builder.price($0, instrument) }
            return .placeOrder(
                OrderRequest(
                    account: account, instrument: instrument, side: side, kind: kind, price: price,
                    quantity: try builder.quantity(quantityText, instrument), timeInForce: tif,
                    reduceOnly: command.reduceOnly ?? false, clientTag: command.tag ?? 0))
        case "cancel":
            let instrument = try builder.instrument(command.instrument)
            var order = command.order
            if order == nil, let tag = command.tag { order = tags["\(account.rawValue)/\(tag)"] ?? UInt64.max }
            guard let order else { throw ScenarioError(code: "missing_order", message: "cancel needs order or tag") }
            return .cancelOrder(account: account, instrument: instrument, order: OrderID(order))
        case "cancelAll":
            let instrument = try command.instrument.map { try builder.instrument($0) }
            return .cancelAll(account: account, instrument: instrument)
        case "leverage":
            guard let leverage = command.leverage else {
                throw ScenarioError(code: "missing_leverage", message: "leverage command needs leverage")
            }
            return .setLeverage(
                account: account, instrument: try builder.instrument(command.instrument), leverage: leverage)
        case "marginMode":
            guard let text = command.mode, let mode = MarginMode(rawValue: text) else {
                throw ScenarioError.unknown("margin mode", command.mode ?? "")
            }
            return .setMarginMode(account: account, instrument: try builder.instrument(command.instrument), mode: mode)
        case "deposit":
            guard let text = command.amount else {
                throw ScenarioError(code: "missing_amount", message: "deposit needs amount")
            }
            return .deposit(account: account, amount: try ScenarioBuilder.money(text, "amount"))
        case "closeOut":
            return .closeOut(account: account)
        case "selfTradeGroup":
            guard let group = command.group else {
                throw ScenarioError(code: "missing_group", message: "selfTradeGroup needs group (0 clears it)")
            }
            return .setSelfTradeGroup(account: account, group: group)
        default:
            throw ScenarioError.unknown("op", command.op)
        }
    }
}
