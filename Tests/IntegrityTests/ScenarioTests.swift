import AuditLog
import Foundation
import Integrity
import Testing

/// The acceptance scenario: honest sample bots plus a donor/receiver pair, a wash-trading pair,
/// a lagged copier and a quote stuffer, two rounds of the demo contest, default thresholds.
@Suite("Scenario: colluders among honest bots")
struct ScenarioTests {
    let report = Evaluations.scenarioReport

    @Test("exactly the test bots are flagged, each by its own detector")
    func whoIsFlagged() {
        for team in IntegrityHeat.honest {
            #expect(report.team(team.label)?.flags == [], "\(team.label) is honest")
        }
        #expect(report.team("receiver")?.flags.contains("transfer") == true)
        #expect(report.team("donor")?.flags.contains("transfer") == true)
        #expect(report.team("wash-a")?.flags == ["wash"])
        #expect(report.team("wash-b")?.flags == ["wash"])
        #expect(report.team("copier")?.flags == ["copying"])
        #expect(report.team("quote-stuffer")?.flags == ["spoofing"])
        #expect(
            report.team("trend-following")?.flags == [], "the copied team is the leader, shown in the copier's finding")
    }

    @Test("the donor's transfer: one-way value through fills at prices away from the mark")
    func transfer() throws {
        let flagged = report.transfers.filter(\.flagged)
        #expect(flagged.count == 1)
        let finding = try #require(flagged.first)
        #expect(finding.giver.label == "donor" && finding.receiver.label == "receiver")
        #expect(finding.netUnits >= 200 * 100_000_000)
        #expect(finding.fills >= 100)
        // Two thirds one-way in the demo market (its calibrated price model and deep book): above
        // the default `min_one_sided` of 0.6 that flags it.
        #expect(finding.oneSidedPPM >= 640_000)
        #expect(finding.concentrationPPM >= 900_000)
        #expect(finding.runs.map(\.runID) == ["r0-h0", "r1-h0"])
        #expect(finding.runs.allSatisfy { $0.netUnits > 0 })
        #expect(finding.largestFills.count == 10)
        #expect(finding.largestFills.allSatisfy { $0.valueUnits > 0 && $0.symbol == "BTC-PERP" })
        #expect(
            finding.largestFills.allSatisfy { ($0.receiverSide == "sell") == ($0.deviationPPM > 0) },
            "the receiver sells above the mark and buys below it")
        #expect(!report.transfers.contains { $0.flagged && $0.giver.label.hasPrefix("wash") })
    }

    @Test("the wash pair: round trips within the window, volume netting to nothing")
    func wash() throws {
        let finding = try #require(report.washes.first { $0.teams.map(\.label) == ["wash-a", "wash-b"] })
        #expect(finding.runs.count == 2)
        for run in finding.runs {
            #expect(run.flagged)
            #expect(run.roundTrips >= 40)
            #expect(run.matchedSharePPM >= 900_000)
            #expect(run.netPPM <= 100_000)
        }
        #expect(finding.examples.count == 10)
        #expect(finding.examples.allSatisfy { $0.closeTick - $0.openTick <= 20 && $0.symbol == "ETH-PERP" })
        #expect(
            finding.examples.count { $0.closeTick - $0.openTick == 4 } >= 5,
            "most examples close on the schedule's fourth tick; the rest when the book let them")
        // The donor and receiver also round-trip with each other: their transfer is matched trading too.
        #expect(report.washes.contains { Set($0.teams.map(\.label)) == ["donor", "receiver"] })
        #expect(report.washes.count == 2)
    }

    @Test("the copier: trend-following's position changes, five ticks later")
    func copying() throws {
        #expect(report.copies.count == 1)
        let finding = try #require(report.copies.first)
        #expect(finding.leader.label == "trend-following" && finding.follower.label == "copier")
        #expect(finding.lag == 5)
        #expect(finding.cosinePPM >= 900_000)
        #expect(finding.simultaneousCosinePPM < 200_000)
        #expect(finding.reverseCosinePPM < 200_000)
        #expect(finding.followRatioPPM >= 900_000)
        #expect(finding.curvePPM.count == 31 && finding.curvePPM.max() == finding.cosinePPM)
        #expect(finding.runs.count == 2)
        #expect(finding.examples.allSatisfy { $0.followerTick - $0.leaderTick == 5 })
    }

    @Test("the quote stuffer: thousands of orders, almost no fills, everything cancelled")
    func spoofing() throws {
        #expect(report.spoofs.count == 1)
        let finding = try #require(report.spoofs.first)
        #expect(finding.team.label == "quote-stuffer")
        #expect(finding.ordersPlaced == 2 * 600 * 12)
        #expect(finding.orderToFillPPM >= 100 * 1_000_000, "about one order in 150 fills")
        #expect(finding.cancelRatePPM >= 990_000)
        #expect(finding.orderToFillPPM >= 50 * finding.fieldOrderToFillPPM)
    }

    @Test("a flagged team's section names its findings; an honest team has none")
    func teamSections() throws {
        let copier = try #require(report.team("copier"))
        let section = try #require(report.teamSection(copier.team.teamID))
        let text = String(decoding: section, as: UTF8.self)
        #expect(text.contains("\"follower\":{\"label\":\"copier\""))
        #expect(text.contains("\"wash\":[]"))
        let honest = try #require(report.team("grid"))
        #expect(report.teamSection(honest.team.teamID) == nil)
    }
}
