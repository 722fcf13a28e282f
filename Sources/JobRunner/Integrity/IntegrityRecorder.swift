import AuditLog
import ContestModel
import Foundation
import Integrity
import Logging
import Metrics
import Storage

/// Computes and stores an evaluation's integrity report (docs/INTEGRITY.md) once its last run
/// has completed: the transcripts of its complete runs (the same public inputs `arena verify
/// --contest` downloads), the contest definition's `integritySettings`, `IntegrityAnalyzer`, and
/// the canonical bytes with their SHA-256 into the append-only `integrity_reports`.
///
/// A report never changes a board: it is stored for the organizer to review. The heat's results
/// are already committed when this runs, so a failure here is logged and counted, never fails
/// the run; the publish job computes a missing report before it signs a board.
struct IntegrityRecorder {
    let store: ArenaStore
    let owner: String
    let logger: Logger

    /// Computes, then stores, the report of `evaluationId` (of contest `definition.id`). Returns
    /// what storing did; `.stale` when a rerun changed a run meanwhile (its runner recomputes).
    @discardableResult
    func record(evaluationId: Int64, definition: ContestDefinition) async throws -> IntegrityStoreOutcome {
        let started = ContinuousClock.now
        let stored = try await store.evaluationTranscripts(evaluationId: evaluationId)
        let computed = try Self.compute(definition: definition, transcripts: stored)
        let digest = Hash256.of(computed.bytes).hex
        let outcome = try await store.storeIntegrityReport(
            evaluationId: evaluationId, contestId: definition.id, report: Data(computed.bytes), sha256: digest,
            flaggedTeams: computed.report.flaggedTeamIDs, transcriptRoots: computed.roots, actor: "runner:\(owner)")
        let elapsed = (ContinuousClock.now - started) / .milliseconds(1)
        Metrics.Timer(label: "arena_integrity_report_seconds").recordMilliseconds(Int64(elapsed))
        logger.info(
            "integrity report",
            metadata: [
                "evaluation": "\(evaluationId)", "outcome": "\(outcome)", "sha256": "\(digest)",
                "flagged": "\(computed.report.flaggedTeamIDs.joined(separator: ","))", "runs": "\(stored.count)",
                "ms": "\(elapsed)",
            ])
        return outcome
    }

    /// Records the report and logs (never throws) a failure: called after a run's results are
    /// committed, which a report problem must not undo.
    func recordLogging(evaluationId: Int64, definition: ContestDefinition) async {
        do {
            try await record(evaluationId: evaluationId, definition: definition)
        } catch {
            Counter(label: "arena_integrity_report_failures_total").increment()
            logger.error(
                "integrity report failed", metadata: ["evaluation": "\(evaluationId)", "error": "\(error)"])
        }
    }

    /// The report over `transcripts` with the definition's thresholds, its canonical bytes and
    /// the transcript root of each run (by run id) it was computed from.
    static func compute(definition: ContestDefinition, transcripts: [EvaluationTranscript]) throws
        -> (report: IntegrityReport, bytes: [UInt8], roots: [Int64: String])
    {
        let report = try IntegrityAnalyzer.report(
            contestID: definition.id, transcripts: transcripts.map { [UInt8]($0.transcript) },
            thresholds: IntegrityThresholds(definition.integritySettings))
        var roots: [Int64: String] = [:]
        for run in report.runs {
            guard let id = Int64(run.runID) else {
                throw IntegrityError(.mismatch, "run id \(run.runID) of a stored transcript is not numeric")
            }
            roots[id] = run.transcriptRoot
        }
        return (report, report.encoded(), roots)
    }
}
