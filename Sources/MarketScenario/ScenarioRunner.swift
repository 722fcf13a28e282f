public import Foundation
import MarketEngine
import MarketModel

/// Runs a scenario: opens its accounts, applies the script tick by tick, and returns every
/// event and the final state as JSON lines (byte-identical for identical input).
public enum ScenarioRunner {
    /// Decodes a scenario file's bytes.
    public static func decode(_ data: Data) throws -> Scenario {
        do {
            return try JSONDecoder().decode(Scenario.self, from: data)
        } catch let error as DecodingError {
            throw ScenarioError(code: "invalid_json", message: "\(error)")
        }
    }

    /// Loads and runs the scenario at `path`.
    public static func run(path: String) throws -> ScenarioOutput {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(code: "unreadable_file", message: path)
        }
        let directory = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
        return try run(try decode(data), directory: directory)
    }

    /// Runs a decoded scenario; relative CSV paths resolve against `directory`.
    public static func run(_ scenario: Scenario, directory: String = ".") throws -> ScenarioOutput {
        var builder = try ScenarioBuilder(scenario)
        builder.directory = directory
        var exchange = Exchange(configuration: try builder.configuration(), seed: scenario.seed ?? 1)
        var formatter = EventFormatter(specs: builder.specs, names: [:])
        var lines: [JSONValue] = []
        var accountIDs: [String: AccountID] = [:]
        var tags: [String: UInt64] = [:]

        func record(_ tick: Int64, _ events: [MarketEvent]) {
            for event in events {
                if case .orderAccepted(let order, let request) = event, request.clientTag != 0 {
                    tags["\(request.account.rawValue)/\(request.clientTag)"] = order.rawValue
                }
                lines.append(formatter.line(tick: tick, event))
            }
        }

        for account in scenario.accounts {
            guard accountIDs[account.name] == nil else {
                throw ScenarioError(code: "duplicate_account", message: account.name)
            }
            let events = exchange.apply(.openAccount(deposit: try ScenarioBuilder.money(account.deposit, "deposit")))
            guard case .accountOpened(let id, _)? = events.first else {
                throw ScenarioError(code: "account_not_opened", message: account.name)
            }
            accountIDs[account.name] = id
            formatter.names[id] = account.name
            record(0, events)
            for (symbol, mode) in (account.marginMode ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let parsed = MarginMode(rawValue: mode) else { throw ScenarioError.unknown("margin mode", mode) }
                record(
                    0,
                    exchange.apply(
                        .setMarginMode(account: id, instrument: try builder.instrument(symbol), mode: parsed)))
            }
            for (symbol, leverage) in (account.leverage ?? [:]).sorted(by: { $0.key < $1.key }) {
                record(
                    0,
                    exchange.apply(
                        .setLeverage(account: id, instrument: try builder.instrument(symbol), leverage: leverage)))
            }
        }

        let script = scenario.script ?? []
        let lastScripted = script.map(\.tick).max() ?? 0
        let ticks = scenario.ticks ?? (lastScripted + 1)
        for tick in 0..<max(ticks, 0) {
            for step in script where step.tick == tick {
                for command in step.commands {
                    let parsed = try ScenarioCommands.command(
                        command, builder: builder, accounts: accountIDs, tags: tags)
                    record(tick, exchange.apply(parsed))
                }
            }
            record(tick, exchange.advance())
            for (index, spec) in builder.specs.enumerated() where scenario.prices[spec.symbol]?.traceSteps == true {
                if let trace = exchange.priceStepTrace(InstrumentID(UInt16(index))) {
                    lines.append(PriceStepLine.line(tick: tick, symbol: spec.symbol, spec: spec, trace: trace))
                }
            }
        }
        let named = scenario.accounts.compactMap { account in accountIDs[account.name].map { (account.name, $0) } }
        lines += ScenarioReport.finalLines(exchange: exchange, formatter: formatter, accounts: named)
        let results = (scenario.expect ?? []).map { ScenarioExpectations.evaluate($0, lines: lines) }
        return ScenarioOutput(lines: lines, expectations: results)
    }
}
