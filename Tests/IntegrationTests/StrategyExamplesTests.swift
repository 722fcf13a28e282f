import AuditLog
import BundleKit
import ContestModel
import Foundation
import HeatRunner
import JobRunner
import Logging
import MarketModel
import Sandbox
import Testing

/// Every example strategy in Seeds/strategies, run as a real bot (arena-worker) on the real
/// engine in one shared market: each one trades, and its books balance.
@Suite(.serialized)
struct StrategyExamplesTests {
    static let examples = ["trend-following", "mean-reversion", "market-making", "funding-carry", "breakout", "grid"]

    @Test func everyExampleTradesAndItsAccountsBalance() throws {
        let root = IntegrationHarness.repositoryRoot
        let entries = Self.examples.enumerated().map { slot, name in
            HeatSpec.Entry(
                slot: slot, teamId: Int64(slot), label: name, runtime: .rules,
                bundleDirectory: root.appendingPathComponent("Seeds/strategies/\(name)").path, entry: nil,
                submissionSHA256: name)
        }
        var contest = try ContestDefinitionLoader.load(
            path: root.appendingPathComponent("Seeds/contests/demo.yaml").path)
        contest.limits.tickDeadlineMilliseconds = 2_000
        contest.limits.firstTickDeadlineMilliseconds = 15_000
        let build = IntegrationHarness.buildDirectory
        let sandbox = SandboxConfiguration(
            helperPath: build + "/arena-sandbox", workerPath: build + "/arena-worker",
            isolation: geteuid() == 0 ? .sandboxed : .plainProcess, uidBase: 62_200)
        var logger = Logger(label: "examples")
        logger.logLevel = .error
        let outcome = try HeatExecutor(sandbox: sandbox, signingKey: SigningKey.generate(), logger: logger)
            .run(HeatSpec(contest: contest, runId: "examples", seed: 20_261_126, entries: entries))
        #expect(outcome.transcript.tickCount == contest.evaluation.ticks)
        for team in outcome.transcript.results.teams {
            let name = Self.examples[Int(team.slot)]
            #expect(outcome.reports[Int(team.slot)]?.fault == nil, "\(name) faulted")
            #expect(team.trades > 0, "\(name) never traded")
            #expect(team.feesPaid.units > 0, "\(name) paid no fees")
            #expect(
                team.finalBalance == team.deposited + team.realizedPnL - team.feesPaid + team.fundingReceived,
                "\(name): balance = deposit + realized PnL − fees + funding")
            #expect(outcome.equityCurves[Int(team.slot)]?.last == team.finalEquity)
        }
    }
}
