import MarketEngine
import MarketModel

/// Renders engine values as JSON with decimal strings on each instrument's grid.
struct EventFormatter {
    let specs: [InstrumentSpec]
    var names: [AccountID: String]

    func name(_ account: AccountID) -> JSONValue {
        if let name = names[account] { return .string(name) }
        if account == Exchange.insuranceFundAccount { return .string("fund") }
        return .string("house\(account.rawValue)")
    }

    func spec(_ instrument: InstrumentID) -> InstrumentSpec { specs[min(Int(instrument.rawValue), specs.count - 1)] }
    func symbol(_ instrument: InstrumentID) -> JSONValue { .string(spec(instrument).symbol) }
    func price(_ value: Price, _ instrument: InstrumentID) -> JSONValue { .string(spec(instrument).decimal(value)) }
    func price(_ value: Price?, _ instrument: InstrumentID) -> JSONValue {
        value.map { price($0, instrument) } ?? .null
    }
    func quantity(_ value: Quantity, _ instrument: InstrumentID) -> JSONValue {
        .string(spec(instrument).decimal(value))
    }
    func money(_ value: Money) -> JSONValue { .string(value.decimal) }
    func money(_ value: Money?) -> JSONValue { value.map { .string($0.decimal) } ?? .null }
    func rate(_ value: Rate) -> JSONValue { .string(value.decimal) }

    /// One event as an output line.
    func line(tick: Int64, _ event: MarketEvent) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("tick", .int(tick))]
        switch event {
        case .accountOpened(let account, let deposit):
            pairs += [
                ("type", .string("accountOpened")), ("account", name(account)), ("id", .int(Int64(account.rawValue))),
                ("deposit", money(deposit)),
            ]
        case .deposited(let account, let amount):
            pairs += [("type", .string("deposited")), ("account", name(account)), ("amount", money(amount))]
        case .orderAccepted(let order, let request):
            let i = request.instrument
            pairs += [
                ("type", .string("orderAccepted")), ("account", name(request.account)),
                ("order", .int(Int64(order.rawValue))),
                ("instrument", symbol(i)), ("side", .string(request.side.rawValue)),
                ("kind", .string(request.kind.rawValue)),
                ("price", price(request.price, i)), ("quantity", quantity(request.quantity, i)),
                ("tif", .string(request.timeInForce.rawValue)), ("reduceOnly", .bool(request.reduceOnly)),
                ("tag", .int(Int64(request.clientTag))),
            ]
        case .orderRejected(let account, let tag, let reason):
            pairs += [
                ("type", .string("orderRejected")), ("account", name(account)), ("tag", .int(Int64(tag))),
                ("reason", .string(reason.rawValue)),
            ]
        case .orderCancelled(let account, let i, let order, let tag, let remaining, let reason):
            pairs += [
                ("type", .string("orderCancelled")), ("account", name(account)), ("instrument", symbol(i)),
                ("order", .int(Int64(order.rawValue))), ("tag", .int(Int64(tag))),
                ("remaining", quantity(remaining, i)),
                ("reason", .string(reason.rawValue)),
            ]
        case .trade(let trade):
            let i = trade.instrument
            pairs += [
                ("type", .string("trade")), ("instrument", symbol(i)), ("price", price(trade.price, i)),
                ("quantity", quantity(trade.quantity, i)), ("takerSide", .string(trade.takerSide.rawValue)),
                ("maker", name(trade.makerAccount)), ("makerOrder", .int(Int64(trade.makerOrder.rawValue))),
                ("makerFee", money(trade.makerFee)), ("taker", name(trade.takerAccount)),
                ("takerOrder", .int(Int64(trade.takerOrder.rawValue))), ("takerFee", money(trade.takerFee)),
            ]
        case .leverageSet(let account, let i, let leverage):
            pairs += [
                ("type", .string("leverageSet")), ("account", name(account)), ("instrument", symbol(i)),
                ("leverage", .int(leverage)),
            ]
        case .marginModeSet(let account, let i, let mode):
            pairs += [
                ("type", .string("marginModeSet")), ("account", name(account)), ("instrument", symbol(i)),
                ("mode", .string(mode.rawValue)),
            ]
        case .priceUpdate(let i, let index, let mark, let fundingRate):
            pairs += [
                ("type", .string("priceUpdate")), ("instrument", symbol(i)), ("index", price(index, i)),
                ("mark", price(mark, i)), ("fundingRate", rate(fundingRate)),
            ]
        case .funding(let account, let i, let fundingRate, let amount):
            pairs += [
                ("type", .string("funding")), ("account", name(account)), ("instrument", symbol(i)),
                ("rate", rate(fundingRate)), ("amount", money(amount)),
            ]
        case .fundingResidue(let i, let amount):
            pairs += [("type", .string("fundingResidue")), ("instrument", symbol(i)), ("amount", money(amount))]
        case .liquidation(let account, let i, let quantity, let bankruptcyPrice, let bookFilled, let fundTakeover):
            pairs += [
                ("type", .string("liquidation")), ("account", name(account)), ("instrument", symbol(i)),
                ("quantity", self.quantity(quantity, i)), ("bankruptcyPrice", price(bankruptcyPrice, i)),
                ("bookFilled", self.quantity(bookFilled, i)), ("fundTakeover", self.quantity(fundTakeover, i)),
            ]
        case .autoDeleverage(let account, let i, let quantity, let adlPrice):
            pairs += [
                ("type", .string("autoDeleverage")), ("account", name(account)), ("instrument", symbol(i)),
                ("quantity", self.quantity(quantity, i)), ("price", price(adlPrice, i)),
            ]
        case .insuranceFund(let balance):
            pairs += [("type", .string("insuranceFund")), ("balance", money(balance))]
        case .realizedPnL(let account, let i, let amount):
            pairs += [
                ("type", .string("realizedPnL")), ("account", name(account)), ("instrument", symbol(i)),
                ("amount", money(amount)),
            ]
        case .commandRejected(let account, let reason):
            pairs += [
                ("type", .string("commandRejected")), ("account", account.map { name($0) } ?? .null),
                ("reason", .string(reason.rawValue)),
            ]
        }
        return .object(pairs)
    }

    /// Average entry as an exact decimal (entry value / size, to 1e-8 USDT, nearest).
    func entry(_ position: PositionSnapshot) -> JSONValue {
        let spec = spec(position.instrument)
        let lots = position.size.magnitude
        guard lots > 0 else { return .null }
        let units = WideMath.mulDiv(position.entryValue.units, spec.lotsPerCoin, lots, .nearest)
        return .string(Money(units: units).decimal)
    }
}
