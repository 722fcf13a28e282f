import APIModels
import Foundation
import MarketModel
import Scoring
public import Storage

/// Ranks an evaluation's results into stored leaderboard rows with provenance on every row.
public enum LeaderboardBuilder {
    public static func rows(_ results: [EvaluationResult]) throws -> [LeaderboardRowRecord] {
        var byTeam: [Int64: [EvaluationResult]] = [:]
        for result in results { byTeam[result.teamId, default: []].append(result) }
        let teams = byTeam.keys.sorted().compactMap { id -> TeamRuns? in
            guard let runs = byTeam[id], let first = runs.first else { return nil }
            return TeamRuns(
                teamId: id, submissionId: first.submissionId, disqualified: first.disqualified,
                scores: runs.compactMap { $0.result.score ?? $0.result.pnl },
                faulted: runs.contains { $0.result.faultCode != nil },
                maxDrawdown: runs.map(\.result.maxDrawdown).max() ?? 0)
        }
        let encoder = APIJSON.encoder()
        return try Ranking.rank(teams).compactMap { standing -> LeaderboardRowRecord? in
            guard let runs = byTeam[standing.teamId]?.sorted(by: { $0.runId < $1.runId }), let first = runs.first else {
                return nil
            }
            func sum(_ value: (RunResultRecord) -> Int64) -> Int64 { runs.reduce(0) { $0 + value($1.result) } }
            let count = Int64(runs.count)
            let row = LeaderboardRow(
                rank: standing.rank, teamId: standing.teamId, team: first.teamName, status: standing.status.rawValue,
                score: standing.mean.map { Money(units: $0).decimal },
                scoreCi95: standing.confidence95.map { Money(units: $0).decimal },
                pnl: Money(units: sum(\.pnl) / count).decimal, fees: Money(units: sum(\.fees) / count).decimal,
                funding: Money(units: sum(\.funding) / count).decimal,
                trades: runs.reduce(0) { $0 + $1.result.trades },
                liquidations: runs.reduce(0) { $0 + $1.result.liquidations },
                maxDrawdown: Money(units: runs.map(\.result.maxDrawdown).max() ?? 0).decimal,
                submissionId: first.submissionId, submissionSha256: first.submissionSHA256,
                submittedAt: first.submittedAt, fault: runs.compactMap(\.result.faultCode).first,
                runs: runs.map {
                    RunProvenance(
                        runId: $0.runId, round: $0.round, heat: $0.heat,
                        seed: $0.seedPublic ? String($0.seed) : nil,
                        score: Money(units: $0.result.score ?? $0.result.pnl).decimal,
                        transcriptRoot: $0.transcriptRoot,
                        transcriptUrl: "/v1/runs/\($0.runId)/transcript",
                        attestationUrl: "/v1/runs/\($0.runId)/attestation")
                })
            return LeaderboardRowRecord(
                teamId: standing.teamId, rank: standing.rank, score: standing.mean, scoreCI: standing.confidence95,
                status: standing.status.rawValue, rowJSON: String(decoding: try encoder.encode(row), as: UTF8.self))
        }
    }
}
