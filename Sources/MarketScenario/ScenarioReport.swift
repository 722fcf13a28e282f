import MarketEngine
import MarketModel

/// The final-state lines: one `account` line and one `position` line per open position for each
/// scenario account, one `market` line per instrument, the insurance fund and a summary.
enum ScenarioReport {
    static func finalLines(exchange: Exchange, formatter: EventFormatter, accounts: [(String, AccountID)])
        -> [JSONValue]
    {
        var lines: [JSONValue] = []
        for (name, id) in accounts {
            guard let snapshot = exchange.account(id) else { continue }
            let positions: [JSONValue] = snapshot.positions.map {
                position($0, of: id, name: name, exchange: exchange, formatter: formatter)
            }
            lines.append(
                .object([
                    ("type", .string("account")), ("account", .string(name)),
                    ("balance", formatter.money(snapshot.balance)),
                    ("equity", formatter.money(snapshot.equity)),
                    ("unrealizedPnL", formatter.money(snapshot.unrealizedPnL)),
                    ("realizedPnL", formatter.money(snapshot.realizedPnL)),
                    ("fees", formatter.money(snapshot.feesPaid)),
                    ("funding", formatter.money(snapshot.fundingPaid)),
                    ("availableBalance", formatter.money(snapshot.availableBalance)),
                    ("initialMargin", formatter.money(snapshot.initialMargin)),
                    ("maintenanceMargin", formatter.money(snapshot.maintenanceMargin)),
                    ("openOrders", .int(Int64(snapshot.openOrders.count))), ("positions", .int(Int64(positions.count))),
                ]))
            lines += positions
        }
        for index in 0..<exchange.configuration.instruments.count {
            let id = InstrumentID(UInt16(index))
            let market = exchange.market(id)
            let book = exchange.book(id, depth: 1)
            lines.append(
                .object([
                    ("type", .string("market")), ("instrument", formatter.symbol(id)),
                    ("index", formatter.price(market.index, id)),
                    ("mark", formatter.price(market.mark, id)), ("last", formatter.price(market.last, id)),
                    ("bestBid", formatter.price(book.bids.first?.price, id)),
                    ("bestAsk", formatter.price(book.asks.first?.price, id)),
                    ("fundingRate", formatter.rate(market.fundingRate)),
                    ("lastFundingRate", formatter.rate(market.lastFundingRate)),
                    ("openInterest", formatter.quantity(market.openInterest, id)),
                    ("volume", formatter.quantity(market.volume, id)),
                ]))
        }
        if let fund = exchange.account(Exchange.insuranceFundAccount) {
            var pairs: [(String, JSONValue)] = [
                ("type", .string("insuranceFund")), ("balance", formatter.money(fund.balance)),
            ]
            for position in fund.positions {
                pairs.append(
                    (
                        "position:" + formatter.spec(position.instrument).symbol,
                        formatter.quantity(position.size, position.instrument)
                    ))
            }
            lines.append(.object(pairs))
        }
        let problems = exchange.invariantViolations()
        lines.append(
            .object([
                ("type", .string("summary")), ("ticks", .int(exchange.tick)),
                ("stateHash", .string(hex(exchange.stateHash()))), ("invariantViolations", .int(Int64(problems.count))),
            ]))
        return lines
    }

    static func position(
        _ position: PositionSnapshot, of id: AccountID, name: String, exchange: Exchange, formatter: EventFormatter
    ) -> JSONValue {
        let i = position.instrument
        let exact = exchange.exactPrices(id, i)
        return .object([
            ("type", .string("position")), ("account", .string(name)), ("instrument", formatter.symbol(i)),
            ("size", formatter.quantity(position.size, i)), ("entry", formatter.entry(position)),
            ("entryValue", formatter.money(position.entryValue)), ("mark", formatter.price(position.markPrice, i)),
            ("unrealizedPnL", formatter.money(position.unrealizedPnL)),
            ("liquidationPrice", formatter.price(position.liquidationPrice, i)),
            ("liquidationPriceExact", formatter.money(exact.liquidation)),
            ("bankruptcyPrice", formatter.price(position.bankruptcyPrice, i)),
            ("bankruptcyPriceExact", formatter.money(exact.bankruptcy)),
            ("marginMode", .string(position.marginMode.rawValue)), ("leverage", .int(position.leverage)),
            ("isolatedMargin", formatter.money(position.isolatedMargin)),
            ("initialMargin", formatter.money(position.initialMargin)),
            ("maintenanceMargin", formatter.money(position.maintenanceMargin)),
            ("fees", formatter.money(position.fees)), ("funding", formatter.money(position.funding)),
            ("realizedPnL", formatter.money(position.realizedPnL)),
        ])
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
