import AuditLog
import ContestModel
import Foundation
import HeatRunner
import MarketModel
import Sandbox
import Scoring
import Storage

/// Turns a finished heat into what the queue commits: one result row per team (score by the
/// contest's metric, fault, report, logs) plus the transcript and its attestation.
struct RunCompletionBuilder {
    let definition: ContestDefinition
    let owner: String

    /// The completion of `job` (run `runId`, teams `entries`) from `outcome`.
    func completion(job: JobRecord, runId: Int64, entries: [RunEntryRecord], outcome: HeatOutcome) throws
        -> RunCompletion
    {
        let teams = outcome.transcript.results.teams
        let decisions = DecisionExtraction.bySlot(outcome.transcript, limit: RunReportDetails.maxDecisions)
        let results = entries.map { entry -> RunResultRecord in
            let team = teams.first { Int($0.slot) == entry.slot }
            let curve = outcome.equityCurves[entry.slot] ?? []
            let metrics = EquityMetrics(curve: curve)
            let report = outcome.reports[entry.slot]
            // The one scoring function `arena verify` recomputes from the replay.
            let score = metrics.score(Self.rankingMetric(definition.scoring.metric))
            var logs = report?.logLines.joined(separator: "\n") ?? ""
            if let stderr = report?.stderrTail, !stderr.isEmpty { logs += "\n--- stderr (tail) ---\n" + stderr }
            let reportJSON =
                (try? String(
                    decoding: JSONEncoder().encode(
                        RunReportDetails(
                            strikes: report?.strikes ?? 0, droppedLogLines: report?.droppedLogLines ?? 0,
                            exitStatus: report.map { "\($0.exitStatus)" } ?? "",
                            memoryPeakBytes: report?.memoryPeakBytes,
                            runtime: outcome.transcript.header.runtimes.first { Int($0.slot) == entry.slot }?.name,
                            runtimeLockSHA256: outcome.transcript.header.runtimes.first {
                                Int($0.slot) == entry.slot && !$0.lockSHA256.isEmpty
                            }?.lockSHA256,
                            decisions: decisions[entry.slot])), as: UTF8.self)) ?? "{}"
            return RunResultRecord(
                teamId: entry.teamId, submissionId: entry.submissionId, finalEquity: metrics.final.units,
                pnl: metrics.pnl.units, score: score, fees: team?.feesPaid.units ?? 0,
                funding: team?.fundingReceived.units ?? 0, trades: team?.trades ?? 0,
                liquidations: team?.liquidations ?? 0, maxDrawdown: metrics.maxDrawdown.units,
                faultCode: report?.fault?.reason.code, faultTick: report?.fault?.tick,
                rankInRun: team?.rank ?? 0, reportJSON: reportJSON, logs: String(logs.suffix(256 * 1024)))
        }
        let attestation = try outcome.attestation.jsonData()
        return RunCompletion(
            jobId: job.id, owner: owner, runId: runId,
            engineVersion: HeatExecutor.engineVersion,
            configSHA256: outcome.transcript.header.configurationHash.description,
            transcript: Data(outcome.transcript.bytes),
            transcriptRoot: outcome.transcript.root.description,
            attestationJSON: String(decoding: attestation, as: UTF8.self), results: results)
    }

    /// The contest's metric as the scoring rule `arena verify` applies (same names by design).
    static func rankingMetric(_ metric: ScoringSettings.Metric) -> RankingMetric {
        switch metric {
        case .pnl: .pnl
        case .returnBps: .returnBps
        case .sharpe: .sharpe
        }
    }
}
