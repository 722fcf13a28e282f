import APIServer
import Foundation
import Synchronization

@testable import Storage

extension InMemoryArena: RunRepository {
    func runs(teamId: Int64) async throws -> [RunRecord] {
        state.withLock { state in
            state.runs.values.filter { state.results[$0.id]?[teamId] != nil }.sorted { $0.id > $1.id }
        }
    }

    func run(id: Int64) async throws -> RunRecord? {
        state.withLock { $0.runs[id] }
    }

    func runResult(runId: Int64, teamId: Int64) async throws -> (RunResultRecord, teams: Int)? {
        state.withLock { state in
            guard let results = state.results[runId], let result = results[teamId] else { return nil }
            return (result, results.count)
        }
    }

    func runArtifacts(runId: Int64) async throws -> (transcript: Data?, attestation: String?, published: Bool)? {
        state.withLock { state in
            guard let run = state.runs[runId] else { return nil }
            let artifacts = state.artifacts[runId]
            return (artifacts?.transcript, artifacts?.attestation, state.contests[run.contestId]?.publishedAt != nil)
        }
    }

    func publicKeys() async throws -> [ArenaStore.PublicKeyRecord] {
        state.withLock { $0.keys }
    }

    func requeueRun(runId: Int64, actor: String) async throws -> ArenaStore.RerunOutcome {
        let outcome = state.withLock { state -> ArenaStore.RerunOutcome in
            guard let run = state.runs[runId] else { return .notFound }
            guard run.status == "complete" || run.status == "failed", !state.jobs.contains(where: { $0.runId == runId })
            else { return .inProgress }
            let job = state.makeId()
            state.jobs.append((job, run.contestId, runId))
            return .queued(jobId: job)
        }
        if case .queued(let job) = outcome {
            try await appendAudit(
                actor: actor, action: "run.rerun_requested", subject: "run:\(runId)", details: ["job": "\(job)"])
        }
        return outcome
    }
}
