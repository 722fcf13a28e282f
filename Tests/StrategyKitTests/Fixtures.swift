import Foundation
import MarketModel
import StrategyKit

/// Shared helpers for the StrategyKit tests.
enum Fixtures {
    /// The repository root (the directory holding Seeds/ and docs/).
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let seedNames = ["trend-following", "mean-reversion", "market-making", "funding-carry", "breakout", "grid"]

    static func parse(_ yaml: String) throws(StrategyError) -> StrategyDocument {
        try StrategyDocument.parse(yaml: yaml, fileName: "strategy.yaml")
    }

    static func check(_ yaml: String, limits: CheckLimits = .standard) throws(StrategyError) -> CheckedStrategy {
        try StrategyChecker.check(parse(yaml), limits: limits)
    }

    /// The error thrown by parsing and checking `yaml`, or `nil` if it is valid.
    static func error(_ yaml: String, limits: CheckLimits = .standard) -> StrategyError? {
        do {
            _ = try check(yaml, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    /// A minimal valid document around `rules` (indented list items), with optional extra sections.
    static func document(rules: String, header: String = "", markets: String = "[BTC-PERP]") -> String {
        """
        name: test
        runtime: rules
        markets: \(markets)
        \(header)
        rules:
        \(rules)
        """
    }

    /// One tick of BTC-PERP (and ETH-PERP) data; prices in ticks, sizes in lots.
    static func input(
        tick: Int64 = 0, mark: Int64 = 670_000, bid: Int64? = nil, ask: Int64? = nil, position: Int64 = 0,
        entry: Int64? = nil, upnl: Money = .zero, equity: Money = .usdt(100_000), fundingRate: Int64 = 0
    ) -> StrategyInput {
        let btc = MarketView(
            mark: Price(ticks: mark), index: Price(ticks: mark), last: Price(ticks: mark),
            bestBid: Price(ticks: bid ?? mark - 1), bestAsk: Price(ticks: ask ?? mark + 1),
            bidSize: Quantity(lots: 100), askSize: Quantity(lots: 100), volume: Quantity(lots: 10),
            fundingRate: Rate(units: fundingRate), ticksToFunding: 100, openInterest: Quantity(lots: 1_000))
        let eth = MarketView(mark: Price(ticks: 350_000), index: Price(ticks: 350_000))
        let positionView = PositionView(
            size: Quantity(lots: position), entryPrice: entry.map { Price(ticks: $0) }, unrealizedPnL: upnl)
        return StrategyInput(
            tick: tick, markets: [btc, eth],
            account: AccountView(equity: equity, balance: equity, positions: [positionView, .flat]))
    }

    static func evaluator(_ yaml: String, configuration: EvaluatorConfiguration = .init()) throws -> StrategyEvaluator {
        try StrategyEvaluator(strategy: check(yaml), instruments: [.btcPerp, .ethPerp], configuration: configuration)
    }

    /// The orders among `output`'s actions.
    static func orders(_ output: StrategyOutput) -> [OrderIntent] {
        output.actions.compactMap { action in
            if case .place(let intent) = action { return intent }
            return nil
        }
    }
}
