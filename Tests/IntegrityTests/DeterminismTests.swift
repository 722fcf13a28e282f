import AuditLog
import Integrity
import Testing

/// The same transcripts give the same bytes: in any order, after a replay of the heat, and in
/// canonical JSON that `arena verify` can compare byte for byte.
@Suite("Report bytes")
struct DeterminismTests {
    @Test("the order of the transcripts does not matter")
    func order() throws {
        let bytes = Evaluations.scenario.map(\.bytes)
        let forward = try IntegrityAnalyzer.report(contestID: "demo", transcripts: bytes).encoded()
        let backward = try IntegrityAnalyzer.report(contestID: "demo", transcripts: bytes.reversed()).encoded()
        #expect(forward == backward)
        #expect(forward == Evaluations.scenarioReport.encoded())
    }

    @Test("replaying the heat gives the same transcript and the same report")
    func replay() throws {
        let heat = IntegrityHeat(teams: IntegrityHeat.honest + IntegrityHeat.cheats)
        let again = try heat.run(seed: 20_261_126, runID: "r0-h0")
        #expect(again.bytes == Evaluations.scenario[0].bytes)
        let report = try IntegrityAnalyzer.report(
            contestID: "demo", transcripts: [again.bytes, Evaluations.scenario[1].bytes])
        #expect(report.encoded() == Evaluations.scenarioReport.encoded())
    }

    @Test("the report is canonical JSON and binds the transcripts it read")
    func canonical() throws {
        let bytes = Evaluations.scenarioReport.encoded()
        let parsed = try CanonicalJSON.parseCanonical(bytes, what: "integrity report")
        guard case .object(let fields) = parsed, case .array(let runs)? = fields["runs"] else {
            Issue.record("not an object with runs")
            return
        }
        #expect(fields["format"] == .string(IntegrityReport.format))
        #expect(runs.count == 2)
        #expect(
            Evaluations.scenario.allSatisfy { transcript in
                runs.contains { run in
                    guard case .object(let run) = run else { return false }
                    return run["transcript_root"] == .string(transcript.root.hex)
                }
            })
    }

    @Test("transcripts of another contest, or one run twice, are refused")
    func mismatches() throws {
        let bytes = Evaluations.scenario[0].bytes
        #expect(throws: IntegrityError.self) {
            _ = try IntegrityAnalyzer.report(contestID: "other", transcripts: [bytes])
        }
        #expect(throws: IntegrityError.self) {
            _ = try IntegrityAnalyzer.report(contestID: "demo", transcripts: [bytes, bytes])
        }
        var damaged = bytes
        damaged[damaged.count / 2] ^= 0xFF
        #expect(throws: IntegrityError.self) {
            _ = try IntegrityAnalyzer.report(contestID: "demo", transcripts: [damaged])
        }
    }

    @Test("the thresholds read back from a report recompute the same bytes")
    func thresholdsFromReport() throws {
        var custom = IntegrityThresholds.defaults
        custom.transferMinUnits = 12_345_678_901
        custom.copyMaxLag = 45
        custom.spoofFieldMultiplePPM = 7_500_000
        let bytes = Evaluations.scenario.map(\.bytes)
        let report = try IntegrityAnalyzer.report(contestID: "demo", transcripts: bytes, thresholds: custom)
        let read = try IntegrityThresholds(report: report.encoded())
        #expect(read == custom)
        #expect(
            try IntegrityAnalyzer.report(contestID: "demo", transcripts: bytes, thresholds: read).encoded()
                == report.encoded())
        #expect(throws: IntegrityError.self) { _ = try IntegrityThresholds(report: Array("{}".utf8)) }
    }
}
