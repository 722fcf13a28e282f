import AuditLog
import ContestModel
import Foundation
import Logging
import Scoring
import Storage

/// Turns an `evaluate` job into runs: every eligible team's latest submission, split into heats
/// per round. Each evaluation draws 32 bytes of seed material from the system CSPRNG; its SHA-256
/// commitment is stored with the evaluation before any run exists (the material in a table the
/// API cannot read). Heat seeds are `SeedDerivation.heatSeed` of the round's public seed or of the
/// material; heat placement is `HeatPlanner`'s shuffle seeded with the round's secret placement
/// salt (`SeedDerivation.placementSalt`), for public rounds too. The definition the plan was made
/// with is stored with the evaluation and is what its runs execute (an edit of the contest while
/// heats run applies to the next evaluation). A published contest is sealed:
/// its `evaluate` jobs complete without planning anything.
struct EvaluationPlanner {
    let store: ArenaStore
    let logger: Logger

    func plan(_ job: JobRecord, owner: String) async throws {
        guard let contest = try await store.contest(id: job.contestId) else {
            _ = try await store.failJob(jobId: job.id, owner: owner, error: "contest missing", retryable: false)
            return
        }
        guard contest.publishedAt == nil else { return try await skipSealed(job, owner: owner) }
        let definition = try ContestDefinition.decode(json: contest.definitionJSON)
        let entries = try await store.eligibleEntries(contestId: job.contestId)
        let submissions = Dictionary(uniqueKeysWithValues: entries.map { ($0.teamId, $0.submissionId) })
        let material = [UInt8](EvaluationSeeds.randomMaterial())
        let rounds = definition.evaluation.rounds
        let heats = HeatPlanner.plan(
            teams: entries.map(\.teamId),
            rounds: rounds.indices.map {
                (SeedDerivation.placementSalt(material: material, round: $0), rounds[$0].isPublic)
            },
            heatSize: definition.evaluation.heatSize(forField: entries.count))
        let plan = heats.map { heat in
            let round = rounds[heat.round]
            let source: SeedDerivation.Source =
                round.isPublic ? .publicSeed(round.publicSeed ?? 0) : .material(material)
            return PlannedRun(
                round: heat.round, heat: heat.heat,
                seed: SeedDerivation.heatSeed(source, round: heat.round, heat: heat.heat), seedPublic: round.isPublic,
                entries: heat.teams.enumerated().map { slot, team in
                    PlannedRun.Entry(teamId: team, submissionId: submissions[team] ?? 0, slot: slot)
                })
        }
        let contestId = contest.id
        let commitment = SeedDerivation.commitment(material: material)
        let seeds = EvaluationSeeds(material: Data(material)) { evaluationId in
            let document = BoardPublisher.commitment(
                definition: definition, contestId: contestId, evaluationId: evaluationId, material: nil,
                commitment: commitment)
            return String(decoding: document.canonicalJSON(), as: UTF8.self)
        }
        let evaluation: Int64?
        do {
            evaluation = try await store.createEvaluation(
                jobId: job.id, owner: owner, contestId: job.contestId, seeds: seeds, plan: plan,
                definition: PlannedDefinition(json: contest.definitionJSON, sha256: contest.definitionSHA256))
        } catch let error as StorageError where error.code == .contestClosed {
            return try await skipSealed(job, owner: owner)
        }
        logger.info(
            "evaluation planned",
            metadata: [
                "contest": "\(job.contestId)", "evaluation": "\(evaluation.map(String.init) ?? "lease lost")",
                "teams": "\(entries.count)", "runs": "\(plan.count)", "commitment": "\(commitment.hex)",
            ])
    }

    /// Completes the job of a published contest without planning (nothing moves a sealed board).
    private func skipSealed(_ job: JobRecord, owner: String) async throws {
        _ = try await store.completeJob(jobId: job.id, owner: owner)
        logger.info("contest is published; nothing to evaluate", metadata: ["contest": "\(job.contestId)"])
    }
}
