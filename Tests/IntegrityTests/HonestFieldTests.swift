import AuditLog
import Integrity
import Testing

/// No false positives: the honest sample strategies over twenty seeds of the demo contest, at
/// the default thresholds, both as one twenty-round evaluation and run by run.
@Suite("Honest field: twenty seeds, no flags")
struct HonestFieldTests {
    @Test("twenty rounds as one evaluation flag no one")
    func evaluation() throws {
        let report = try IntegrityAnalyzer.report(contestID: "demo", transcripts: Evaluations.honest.map(\.bytes))
        #expect(report.runs.count == 20)
        #expect(report.flaggedTeamIDs == [])
        #expect(report.transfers.filter(\.flagged).isEmpty)
        #expect(report.washes.isEmpty && report.copies.isEmpty && report.spoofs.isEmpty)
    }

    @Test("no single run flags anyone either")
    func runByRun() throws {
        for transcript in Evaluations.honest {
            let report = try IntegrityAnalyzer.report(contestID: "demo", transcripts: [transcript.bytes])
            #expect(report.flaggedTeamIDs == [], "\(transcript.header.runID)")
        }
    }

    @Test("the honest field stays well inside every threshold")
    func margins() throws {
        // Half the default thresholds still flag no one: the defaults have at least a 2x margin.
        var half = IntegrityThresholds.defaults
        half.transferMinUnits /= 2
        half.washMinRoundTrips = 6
        half.copyMinCosinePPM /= 2
        half.spoofMinOrderToFillPPM /= 2
        let report = try IntegrityAnalyzer.report(
            contestID: "demo", transcripts: Evaluations.honest.map(\.bytes), thresholds: half)
        #expect(report.flaggedTeamIDs == [])
    }
}
