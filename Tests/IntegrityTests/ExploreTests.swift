import Foundation
import Testing

@testable import Integrity

@Suite("Explore")
struct ExploreTests {
    @Test("print a scenario report")
    func scenario() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let heat = IntegrityHeat(teams: IntegrityHeat.honest + IntegrityHeat.cheats)
        let a = try heat.run(seed: 20_261_126, runID: "r0-h0")
        let b = try heat.run(seed: 777, runID: "r1-h0")
        let played = clock.now - start
        let report = try IntegrityAnalyzer.report(contestID: "demo", transcripts: [a.bytes, b.bytes])
        print("played in \(played), analysed in \(clock.now - start - played)")
        print(String(decoding: report.encoded(), as: UTF8.self))
    }

    @Test("print the honest field with every threshold at its floor")
    func honest() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let heat = IntegrityHeat(teams: IntegrityHeat.honest)
        var transcripts: [[UInt8]] = []
        for round in 0..<20 {
            transcripts.append(try heat.run(seed: 20_261_126 &+ UInt64(round) * 7_919, runID: "r\(round)").bytes)
        }
        print("played in \(clock.now - start)")
        var floor = IntegrityThresholds.defaults
        floor.transferMinUnits = 0
        floor.transferMinFills = 1
        floor.transferMinOneSidedPPM = 0
        floor.transferMinConcentrationPPM = 0
        floor.washMinRoundTrips = 1
        floor.washMinMatchedUnits = 0
        floor.washMinMatchedSharePPM = 0
        floor.copyMinCosinePPM = -1_000_000
        floor.copyMinFollowPPM = 0
        floor.copyMinChanges = 1
        floor.spoofMinOrdersPerRun = 1
        floor.spoofMinOrderToFillPPM = 0
        floor.spoofFieldMultiplePPM = 0
        floor.spoofMinCancelRatePPM = 0
        let report = try IntegrityAnalyzer.report(contestID: "demo", transcripts: transcripts, thresholds: floor)
        print("HONEST " + String(decoding: report.encoded(), as: UTF8.self))
        let one = try IntegrityAnalyzer.report(contestID: "demo", transcripts: transcripts)
        print("DEFAULT flagged: \(one.flaggedTeamIDs)")
        for transcript in transcripts {
            let single = try IntegrityAnalyzer.report(contestID: "demo", transcripts: [transcript])
            print("RUN flagged: \(single.flaggedTeamIDs)")
        }
    }
}
