import ContestModel
import Logging
import Scoring
import Storage

/// Turns an `evaluate` job into runs: every eligible team's latest submission, split into
/// heats per round with the round's seed.
struct EvaluationPlanner {
    let store: ArenaStore
    let logger: Logger

    func plan(_ job: JobRecord, owner: String) async throws {
        guard let contest = try await store.contest(id: job.contestId) else {
            _ = try await store.failJob(jobId: job.id, owner: owner, error: "contest missing", retryable: false)
            return
        }
        let definition = try ContestDefinition.decode(json: contest.definitionJSON)
        let entries = try await store.eligibleEntries(contestId: job.contestId)
        let submissions = Dictionary(uniqueKeysWithValues: entries.map { ($0.teamId, $0.submissionId) })
        let heats = HeatPlanner.plan(
            teams: entries.map(\.teamId), rounds: definition.evaluation.rounds.map { ($0.seed, $0.isPublic) },
            heatSize: definition.evaluation.heatSize)
        let plan = heats.map { heat in
            PlannedRun(
                round: heat.round, heat: heat.heat, seed: heat.seed, seedPublic: heat.seedPublic,
                entries: heat.teams.enumerated().map { slot, team in
                    PlannedRun.Entry(teamId: team, submissionId: submissions[team] ?? 0, slot: slot)
                })
        }
        let evaluation = try await store.createEvaluation(
            jobId: job.id, owner: owner, contestId: job.contestId, plan: plan)
        logger.info(
            "evaluation planned",
            metadata: [
                "contest": "\(job.contestId)", "evaluation": "\(evaluation.map(String.init) ?? "lease lost")",
                "teams": "\(entries.count)", "runs": "\(plan.count)",
            ])
    }
}
