import AuditLog
import ContestModel
import Foundation
import Leaderboard
import Logging
import Scoring
import Storage

/// Executes a `publish` job: ranks the sealed evaluation's results with the contest's scoring
/// rule, builds the board snapshot (docs/AUDIT.md, "Board snapshot") with the seed material
/// revealed, signs it with this runner's platform key and stores it as the next board version,
/// in one transaction with the job's completion (only while the lease is held). The API cannot do
/// this: it holds no key and may not write boards.
struct BoardPublisher {
    let store: ArenaStore
    let signingKey: SigningKey
    let owner: String
    let logger: Logger

    /// A publish job that cannot succeed, whatever the attempt (no retry).
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    func publish(_ job: JobRecord) async throws {
        guard let request = try await store.publishJob(jobId: job.id) else {
            throw Refusal(description: "publish job \(job.id) has no payload")
        }
        guard let contest = try await store.contest(id: job.contestId), let publishedAt = contest.publishedAt else {
            throw Refusal(description: "contest \(job.contestId) is not published")
        }
        let definition = try ContestDefinition.decode(json: contest.definitionJSON)
        if try await store.integrityReport(contestId: contest.id, evaluationId: request.evaluationId) == nil {
            // The report the runner computes when the evaluation completes; made here if that failed.
            await IntegrityRecorder(store: store, owner: owner, logger: logger)
                .recordLogging(evaluationId: request.evaluationId, definition: definition)
        }
        guard let materialData = try await store.seedMaterial(evaluationId: request.evaluationId) else {
            throw Refusal(description: "evaluation \(request.evaluationId) has no committed seed material")
        }
        let material = [UInt8](materialData)
        let runs = try await store.evaluationRuns(evaluationId: request.evaluationId).filter { $0.status == "complete" }
        let results = try await store.evaluationResults(evaluationId: request.evaluationId)
        let seeds = Self.commitment(
            definition: definition, contestId: contest.id, evaluationId: request.evaluationId, material: material)
        var revealed: [Int64: UInt64] = [:]
        let snapshotRuns = try runs.map { run -> BoardSnapshot.Run in
            let seed = run.seed ?? SeedDerivation.heatSeed(.material(material), round: run.round, heat: run.heat)
            if run.seed == nil { revealed[run.id] = seed }
            guard let text = run.attestation else { throw Refusal(description: "run \(run.id) has no attestation") }
            let attestation = try Attestation.decode(json: Data(text.utf8))
            let teams = results.filter { $0.runId == run.id }.sorted { $0.teamId < $1.teamId }.map {
                BoardSnapshot.RunTeam(
                    teamID: $0.teamId, score: $0.result.score ?? $0.result.pnl, maxDrawdown: $0.result.maxDrawdown,
                    faulted: $0.result.faultCode != nil)
            }
            return BoardSnapshot.Run(
                runID: run.id, round: Int64(run.round), heat: Int64(run.heat), seed: seed,
                transcriptRoot: attestation.manifest.transcriptRoot, resultsDigest: attestation.manifest.resultsDigest,
                teams: teams)
        }
        let counted = Set(runs.map(\.id))
        let rows = Self.rows(results.filter { counted.contains($0.runId) })
        var amends: BoardSnapshot.Amends?
        if request.version > 1 {
            guard let previous = try await store.boardVersion(contestId: contest.id, version: request.version - 1),
                let sha = Hash256(hex: previous.sha256)
            else { throw Refusal(description: "board version \(request.version - 1) of \(contest.id) is missing") }
            amends = BoardSnapshot.Amends(sha256: sha, version: Int64(previous.version))
        }
        let snapshot = BoardSnapshot(
            version: Int64(request.version), amends: amends, reason: request.reason, contestID: contest.id,
            definitionSHA256: contest.definitionSHA256, evaluationID: request.evaluationId,
            publishedAt: Self.timestamp(publishedAt),
            scoring: BoardSnapshot.Scoring(
                metric: definition.scoring.metric.rawValue, tieBreaks: definition.scoring.tieBreaks),
            seeds: seeds, rows: rows, runs: snapshotRuns)
        let signed = try SignedBoard.sign(snapshot, with: signingKey)
        let publication = BoardPublication(
            jobId: job.id, owner: owner, contestId: contest.id, version: request.version,
            evaluationId: request.evaluationId, body: String(decoding: signed.canonicalJSON(), as: UTF8.self),
            amendsSHA256: amends?.sha256.hex, reason: request.reason, keyId: signingKey.id,
            leaderboardJSON: try Self.leaderboard(results.filter { counted.contains($0.runId) }, revealed: revealed),
            revealedSeeds: revealed,
            revealDocuments: try await revealDocuments(contestId: contest.id, definition: definition),
            actor: request.actor)
        guard try await store.storeBoardVersion(publication) else {
            logger.warning("lease lost; board not stored", metadata: ["job": "\(job.id)"])
            return
        }
        logger.info(
            request.version == 1 ? "board published" : "board amended",
            metadata: [
                "contest": "\(contest.id)", "version": "\(request.version)", "evaluation": "\(request.evaluationId)",
                "key": "\(signingKey.id)",
            ])
    }

    /// The commitment document of an evaluation (material revealed when given).
    static func commitment(
        definition: ContestDefinition, contestId: String, evaluationId: Int64, material: [UInt8]?,
        commitment: Hash256? = nil
    ) -> SeedCommitment {
        SeedCommitment(
            commitment: commitment ?? SeedDerivation.commitment(material: material ?? []), contestID: contestId,
            evaluationID: evaluationId, material: material,
            rounds: definition.evaluation.rounds.enumerated().map {
                SeedCommitment.Round(round: $0.offset, isPublic: $0.element.isPublic, seed: $0.element.publicSeed)
            })
    }

    /// Board rows in rank order: `Scoring.Ranking` over every team's run scores.
    static func rows(_ results: [EvaluationResult]) -> [BoardSnapshot.Row] {
        var byTeam: [Int64: [EvaluationResult]] = [:]
        for result in results { byTeam[result.teamId, default: []].append(result) }
        let teams = byTeam.keys.sorted().compactMap { id -> TeamRuns? in
            guard let runs = byTeam[id], let first = runs.first else { return nil }
            return TeamRuns(
                teamId: id, submissionId: first.submissionId, disqualified: first.disqualified,
                scores: runs.map { $0.result.score ?? $0.result.pnl },
                faulted: runs.contains { $0.result.faultCode != nil },
                maxDrawdown: runs.map(\.result.maxDrawdown).max() ?? 0)
        }
        return Ranking.rank(teams).compactMap { standing in
            guard let runs = byTeam[standing.teamId], let first = runs.first else { return nil }
            return BoardSnapshot.Row(
                rank: Int64(standing.rank), teamID: standing.teamId, team: first.teamName,
                status: standing.status.rawValue, score: standing.mean, scoreCI95: standing.confidence95,
                maxDrawdown: runs.map(\.result.maxDrawdown).max() ?? 0, submissionID: first.submissionId,
                submissionSHA256: first.submissionSHA256, runs: runs.map(\.runId).sorted())
        }
    }

    /// The leaderboard rows served after publication, from the same results, seeds revealed.
    static func leaderboard(_ results: [EvaluationResult], revealed: [Int64: UInt64]) throws -> String {
        let shown = results.map { result -> EvaluationResult in
            var copy = result
            if let seed = revealed[result.runId] { copy.seed = seed }
            copy.seedPublic = true  // every seed is public once published
            return copy
        }
        return "[" + (try LeaderboardBuilder.rows(shown).map(\.rowJSON)).joined(separator: ",") + "]"
    }

    /// Revealed commitment documents of every committed evaluation of the contest.
    private func revealDocuments(contestId: String, definition: ContestDefinition) async throws -> [Int64: String] {
        var documents: [Int64: String] = [:]
        for record in try await store.evaluationSeeds(contestId: contestId) where record.revealDocument == nil {
            guard let hex = record.commitment, let commitment = Hash256(hex: hex),
                let material = try await store.seedMaterial(evaluationId: record.evaluationId)
            else { continue }
            let document = Self.commitment(
                definition: definition, contestId: contestId, evaluationId: record.evaluationId,
                material: [UInt8](material), commitment: commitment)
            documents[record.evaluationId] = String(decoding: document.canonicalJSON(), as: UTF8.self)
        }
        return documents
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
