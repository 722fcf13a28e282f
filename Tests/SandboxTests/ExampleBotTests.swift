import BotProtocol
import Foundation
import Logging
import MarketModel
import Sandbox
import Testing

/// The two example Python bots in Seeds/python-bots run with the SDK and trade.
@Suite("Example Python bots", .serialized)
struct ExampleBotTests {
    static func run(_ name: String, isolation: Isolation) throws -> [WorkerTickResult] {
        let helper = try #require(SandboxTestEnvironment.helperPath)
        let bundle = SandboxTestEnvironment.packageRoot.appendingPathComponent("Seeds/python-bots/\(name)").path
        let seeds =
            FileManager.default.fileExists(atPath: bundle)
            ? bundle
            : SandboxTestEnvironment.fixtures.resolvingSymlinksInPath().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                    "Seeds/python-bots/\(name)"
                ).path
        let configuration = SandboxConfiguration(
            helperPath: helper, pythonSDKDirectory: SandboxTestEnvironment.sdkDirectory, isolation: isolation,
            tickDeadline: .milliseconds(500), firstTickDeadline: .seconds(5), uidBase: 61_150)
        let group = try WorkerGroup(
            configuration: configuration,
            launches: [WorkerLaunch(slot: 0, label: name, runtime: .python, bundleDirectory: seeds, entry: "bot.py")],
            logger: SandboxTestEnvironment.logger)
        _ = group.start(hello: [0: ProtocolFixtures.hello(team: name, ticks: 120)])
        var results: [WorkerTickResult] = []
        for tick in 1...120 {
            // Mark rises for 60 ticks, then falls: the momentum bot must flip.
            let mark = 67_000 + (tick <= 60 ? tick * 5 : 600 - tick * 5)
            results += group.exchange([0: ProtocolFixtures.observation(tick: Int64(tick), mark: mark)]).map(\.value)
        }
        let reports = group.finish(end: [0: End(reason: "completed", finalEquity: "10000")])
        #expect(reports[0]?.fault == nil, "\(String(describing: reports[0]))")
        #expect(reports[0]?.stderrTail.contains("Traceback") == false, "\(reports[0]?.stderrTail ?? "")")
        return results
    }

    static func placed(_ results: [WorkerTickResult]) -> [PlaceOrder] {
        results.flatMap { result -> [PlaceOrder] in
            guard case .actions(let actions, _) = result else { return [] }
            return actions.compactMap { if case .place(let order) = $0 { order } else { nil } }
        }
    }

    static var isolation: Isolation { SandboxTestEnvironment.preferredIsolation }

    @Test func marketMakerQuotesBothSidesPostOnly() throws {
        let results = try Self.run("market-maker", isolation: Self.isolation)
        #expect(results.count == 120)
        let orders = Self.placed(results)
        #expect(orders.count >= 200)
        #expect(
            orders.allSatisfy {
                $0.timeInForce == .postOnly && $0.kind == .limit && DecimalText.isValid($0.price ?? "")
            })
        #expect(Set(orders.map(\.side)) == [.buy, .sell])
    }

    @Test func momentumFlipsWithTheTrend() throws {
        let results = try Self.run("momentum", isolation: Self.isolation)
        let orders = Self.placed(results)
        #expect(orders.contains { $0.side == .buy && $0.kind == .market })
        #expect(orders.contains { $0.side == .sell && $0.kind == .market })
        guard case .actions(let first, _) = results[0] else {
            Issue.record("no reply to tick 1")
            return
        }
        #expect(first == [.setLeverage(symbol: "BTC-PERP", leverage: 5)])
    }
}
