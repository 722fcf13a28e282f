import AuditLog
import MarketModel
import Testing

@testable import Integrity

/// Each detector on a hand-written run whose numbers can be checked by hand.
@Suite("Detectors on hand-written runs")
struct SyntheticDetectorTests {
    static func report(_ run: SyntheticRun, _ thresholds: IntegrityThresholds = .defaults) throws -> IntegrityReport {
        try IntegrityAnalyzer.report(contestID: "synthetic", transcripts: [run.finish().bytes], thresholds: thresholds)
    }

    @Test("a receiver that sells 0.5 % above the mark to a donor and buys 0.5 % below gets 30 USDT a fill")
    func transfer() throws {
        var run = try SyntheticRun(teams: 3)
        for round in 0..<6 {
            run.cross(
                maker: 1, taker: 0, makerSide: round % 2 == 0 ? .sell : .buy,
                ticks: round % 2 == 0 ? 603_000 : 597_000, lots: 100)
            run.advance(3)
        }
        let report = try Self.report(run)
        let finding = try #require(report.transfers.first)
        #expect(report.transfers.count == 1)
        #expect(finding.flagged)
        #expect(finding.giver.teamID == "t0" && finding.receiver.teamID == "t1")
        #expect(finding.fills == 6)
        #expect(finding.netUnits == 180 * 100_000_000, "6 fills × 0.1 BTC × 300 USDT")
        #expect(finding.grossUnits == finding.netUnits)
        #expect(finding.oneSidedPPM == 1_000_000)
        #expect(finding.concentrationPPM == 1_000_000)
        #expect(finding.largestFills.count == 6)
        #expect(finding.largestFills.allSatisfy { $0.valueUnits == 30 * 100_000_000 && abs($0.deviationPPM) == 5_000 })
        #expect(finding.largestFills.first?.receiverSide == "sell")
        #expect(report.flaggedTeamIDs == ["t0", "t1"])
        #expect(report.teams.first { $0.team.teamID == "t2" }?.flags == [])
    }

    @Test("fills at the mark move no value, whatever their size")
    func noTransferAtMark() throws {
        var run = try SyntheticRun(teams: 2)
        for round in 0..<10 {
            run.cross(maker: 1, taker: 0, makerSide: round % 2 == 0 ? .sell : .buy, ticks: 600_000, lots: 1_000)
            run.advance(30)
        }
        let report = try Self.report(run)
        #expect(report.transfers.isEmpty)
        #expect(report.washes.isEmpty, "30 ticks apart: outside the 20-tick window")
    }

    @Test("a fill undone within the window is a round trip; one undone after it is not")
    func washWindow() throws {
        var thresholds = IntegrityThresholds.defaults
        thresholds.washMinRoundTrips = 2
        thresholds.washMinMatchedUnits = 0
        var run = try SyntheticRun(teams: 2)
        for gap in [5, 20, 21, 40] {
            run.cross(maker: 0, taker: 1, makerSide: .sell, ticks: 600_000, lots: 10)
            run.advance(gap)
            run.cross(maker: 1, taker: 0, makerSide: .sell, ticks: 600_000, lots: 10)
            run.advance(50)
        }
        let report = try Self.report(run, thresholds)
        let finding = try #require(report.washes.first)
        let stats = try #require(finding.runs.first)
        #expect(stats.fills == 8)
        #expect(stats.roundTrips == 2, "gaps of 5 and 20 ticks match, 21 and 40 do not")
        #expect(stats.matchedSharePPM == 500_000)
        #expect(stats.netPPM == 0, "the pair's volume nets to nothing")
        #expect(finding.examples.map { $0.closeTick - $0.openTick } == [5, 20])
    }

    @Test("an order-to-fill ratio far above the field, nearly all cancelled, is spoofing")
    func spoofing() throws {
        var thresholds = IntegrityThresholds.defaults
        thresholds.spoofMinOrdersPerRun = 100
        var run = try SyntheticRun(teams: 3)
        for tick in 0..<60 {
            run.cancelAll(2)
            for offset in 1...5 { run.order(2, .buy, ticks: 590_000 - Int64(offset), lots: 10, tif: .gtc) }
            if tick % 6 == 0 {
                run.cross(maker: 0, taker: 1, makerSide: tick % 12 == 0 ? .sell : .buy, ticks: 600_000, lots: 10)
            }
            run.advance()
        }
        let report = try Self.report(run, thresholds)
        let finding = try #require(report.spoofs.first)
        #expect(report.spoofs.count == 1)
        #expect(finding.team.teamID == "t2")
        #expect(finding.ordersPlaced == 300)
        #expect(finding.ordersFilled == 0)
        #expect(finding.orderToFillPPM == 300_000_000)
        #expect(finding.ordersCancelled == 295, "the last tick's orders are still resting at the end")
        #expect(finding.cancelRatePPM == 983_333)
        #expect(finding.fieldOrderToFillPPM == 1_000_000)
    }

    @Test("a team repeating another's trades three ticks later is a copier at lag 3")
    func copying() throws {
        var run = try SyntheticRun(teams: 3)
        let moves: [(gap: Int, side: Side, lots: Int64)] = [
            (7, .buy, 20), (11, .sell, 40), (5, .buy, 30), (13, .sell, 10), (9, .buy, 50), (6, .sell, 30),
            (12, .buy, 20), (8, .sell, 40),
        ]
        for move in moves {
            run.cross(maker: 2, taker: 0, makerSide: move.side.opposite, ticks: 600_000, lots: move.lots)
            run.advance(3)
            run.cross(maker: 2, taker: 1, makerSide: move.side.opposite, ticks: 600_000, lots: move.lots)
            run.advance(move.gap)
        }
        let report = try Self.report(run)
        let finding = try #require(report.copies.first)
        #expect(report.copies.count == 1)
        #expect(finding.leader.teamID == "t0" && finding.follower.teamID == "t1")
        #expect(finding.lag == 3)
        #expect(finding.cosinePPM == 1_000_000)
        #expect(finding.followRatioPPM == 1_000_000)
        #expect(finding.leaderChanges == 8 && finding.followerChanges == 8)
        #expect(finding.curvePPM.count == 31)
        #expect(finding.curvePPM.firstIndex(of: finding.curvePPM.max()!) == 3)
        #expect(finding.examples.first?.leaderTick == 0 && finding.examples.first?.followerTick == 3)
        #expect(report.teams.first { $0.team.teamID == "t2" }?.flags == [], "the counterparty copies nobody")
    }
}
