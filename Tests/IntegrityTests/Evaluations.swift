import AuditLog
import Integrity

/// The heats the heavier tests share, played once per test process.
enum Evaluations {
    /// Two rounds of one heat: the six honest sample strategies and the six integrity test bots.
    static let scenario: [Transcript] = {
        let heat = IntegrityHeat(teams: IntegrityHeat.honest + IntegrityHeat.cheats)
        return [(20_261_126, "r0-h0"), (4_242, "r1-h0")].map { try! heat.run(seed: $0.0, runID: $0.1) }
    }()

    /// Twenty seeds of the demo contest played by the honest sample strategies, one heat each.
    static let honest: [Transcript] = {
        let heat = IntegrityHeat(teams: IntegrityHeat.honest)
        return (0..<20).map { try! heat.run(seed: 20_261_126 &+ UInt64($0) &* 7_919, runID: "r\($0)-h0") }
    }()

    /// The scenario's report at the default thresholds.
    static let scenarioReport: IntegrityReport = try! IntegrityAnalyzer.report(
        contestID: "demo", transcripts: scenario.map(\.bytes))
}

extension IntegrityReport {
    /// The team of `label`'s summary.
    func team(_ label: String) -> TeamSummary? { teams.first { $0.team.label == label } }
}
