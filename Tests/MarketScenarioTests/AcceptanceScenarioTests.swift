import Foundation
import MarketScenario
import Testing

/// Runs every file in Seeds/scenarios and checks its hand-derived expectations (the derivations
/// are in each file's `derivation` field and in docs/MARKET.md).
@Suite("Acceptance scenarios (arena sim)")
struct AcceptanceScenarioTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Seeds/scenarios")

    static let acceptance = [
        "cross-liquidation-price", "isolated-liquidation-price", "tiered-maintenance-margin",
        "order-admission-leverage",
        "funding-payment", "mark-price-median", "round-trip-pnl-fees", "avg-entry-partial-close-flip",
        "price-time-priority", "ioc-fok-post-only", "reduce-only", "liquidation-insurance-fund", "adl-order",
        "adl-skips-linked-accounts",
        "funding-rate-from-impact-prices", "cross-two-positions-trigger",
        "adl-isolated-no-negative-equity", "adl-cross-no-negative-equity", "reduce-only-own-taker-fill",
        "reduce-only-invalidated-by-liquidation", "funding-short-interval-exact", "price-model-gbm-step",
        "price-model-merton-step", "price-model-garch-step", "price-model-regime-step", "price-model-ou-step",
        "depth-profile-impact", "contest-demo-depth-impact", "contest-field-price-path-csv",
        "contest-field-price-model-volatility", "contest-field-start-funding-depth",
        "adl-isolated-liquidation-capacity", "isolated-fill-solvency", "cross-fill-solvency",
    ]

    static let others = ["background-market", "csv-replay-isolated-liquidation"]

    /// A scenario added to Seeds/scenarios without being listed here would never be checked.
    @Test func everyScenarioFileIsRun() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        #expect(files == (Self.acceptance + Self.others).sorted())
    }

    static func path(_ name: String) -> String { directory.appendingPathComponent(name + ".json").path }

    @Test(arguments: acceptance + others)
    func expectationsHold(_ name: String) throws {
        let output = try ScenarioRunner.run(path: Self.path(name))
        #expect(!output.expectations.isEmpty)
        for result in output.expectations { #expect(result.ok, "\(name): \(result.detail)") }
        let summary = output.lines.last
        #expect(summary?["invariantViolations"]?.text == "0")
    }

    @Test(arguments: acceptance + others)
    func byteIdenticalWhenRunTwice(_ name: String) throws {
        let first = try ScenarioRunner.run(path: Self.path(name)).text
        let second = try ScenarioRunner.run(path: Self.path(name)).text
        #expect(first == second)
        #expect(!first.isEmpty)
    }

    @Test func offGridInputIsRejectedNotRounded() throws {
        let text = """
            {"name":"bad","instruments":[{"symbol":"BTC-PERP"}],"prices":{"BTC-PERP":{"start":"50000"}},
             "accounts":[{"name":"a","deposit":"100"}],
             "script":[{"tick":0,"commands":[{"op":"order","account":"a","side":"buy","price":"50000.05","quantity":"0.001"}]}]}
            """
        let scenario = try ScenarioRunner.decode(Data(text.utf8))
        #expect(throws: ScenarioError.self) { try ScenarioRunner.run(scenario) }
        do {
            _ = try ScenarioRunner.run(scenario)
        } catch let error as ScenarioError {
            #expect(error.code == "off_grid")
        }
    }
}
