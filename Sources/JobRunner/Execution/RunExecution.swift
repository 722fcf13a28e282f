import AuditLog
import ContestModel
import Foundation
import HeatRunner
import Leaderboard
import Logging
import Metrics
import Storage

/// Executes one `run` job: stage the bundles, run the heat while a heartbeat keeps the lease,
/// commit the results (and the boards) in one transaction.
struct RunExecution {
    let store: ArenaStore
    let configuration: RunnerConfiguration
    let signingKey: SigningKey
    let logger: Logger

    func execute(_ job: JobRecord, stop: StopFlag) async throws {
        let store = store
        let limit = configuration.databaseTimeout
        guard let runId = job.runId,
            let stored = try await databaseCall(limit, idempotent: true, { try await store.run(id: runId) }),
            let contest = try await databaseCall(
                limit, idempotent: true, { try await store.contest(id: stored.contestId) })
        else { throw HeatError(.bundle, "run or contest missing") }
        var run = stored
        if !run.seedPublic {
            // A private round's heat seed is not stored before publication: derive it from the
            // evaluation's committed material (SeedDerivation, docs/AUDIT.md).
            let evaluationId = run.evaluationId
            guard
                let material = try await databaseCall(
                    limit, idempotent: true, { try await store.seedMaterial(evaluationId: evaluationId) })
            else {
                throw HeatError(.bundle, "evaluation \(run.evaluationId) has no committed seed material")
            }
            run.seed = SeedDerivation.heatSeed(.material([UInt8](material)), round: run.round, heat: run.heat)
        }
        let definition = try await plannedDefinition(run: run, contest: contest)
        let entries = try await databaseCall(limit, idempotent: true) { try await store.runEntries(runId: runId) }
        try await databaseCall(limit, idempotent: true) { try await store.markRunStarted(runId: runId) }
        let directory = "\(configuration.workDirectory)/run-\(runId)-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let spec = try BundleStaging(definition: definition, run: run, entries: entries).stage(in: directory)
        let inFlight = Meter(label: "arena_runs_in_flight")
        inFlight.increment()
        defer { inFlight.decrement() }
        let started = ContinuousClock.now
        guard let outcome = try await runHeat(spec, job: job, stop: stop) else {
            throw HeatError(.cancelled, "heat produced no outcome")
        }
        Counter(label: "arena_ticks_total").increment(by: outcome.transcript.tickCount * max(1, entries.count))
        let elapsed = (ContinuousClock.now - started) / .milliseconds(1)
        Gauge(label: "arena_heat_ticks_per_second").record(
            Double(outcome.transcript.tickCount) * 1000 / max(1, elapsed))
        let completion = try RunCompletionBuilder(definition: definition, owner: configuration.owner)
            .completion(job: job, runId: runId, entries: entries, outcome: outcome)
        // The lease is kept while the results are committed, so a slow or retried commit (a
        // database restart) is not overtaken by another runner redoing the heat.
        let result = try await holdingLease(job) { try await commit(completion) }
        Counter(label: "arena_runs_completed_total").increment()
        if case .evaluationComplete(let evaluationId) = result {
            await IntegrityRecorder(store: store, owner: configuration.owner, logger: logger)
                .recordLogging(evaluationId: evaluationId, definition: definition)
        }
        logger.info(
            "run finished",
            metadata: [
                "run": "\(runId)", "outcome": "\(result)",
                "root": "\(outcome.transcript.root)",
            ])
    }

    /// The definition the run's evaluation was planned with (every run of one evaluation plays by
    /// the same rules, even when the organizer edits the contest while heats run); the contest's
    /// current one for evaluations planned before definitions were stored with them.
    private func plannedDefinition(run: RunRecord, contest: ContestRecord) async throws -> ContestDefinition {
        let store = store
        let evaluationId = run.evaluationId
        let planned = try await databaseCall(configuration.databaseTimeout, idempotent: true) {
            try await store.evaluationDefinition(evaluationId: evaluationId)
        }
        guard let planned else { return try ContestDefinition.decode(json: contest.definitionJSON) }
        if planned.sha256 != contest.definitionSHA256 {
            logger.warning(
                "the contest definition changed after this evaluation was planned; running the planned one",
                metadata: [
                    "run": "\(run.id)", "evaluation": "\(evaluationId)", "planned": "\(planned.sha256)",
                    "current": "\(contest.definitionSHA256)",
                ])
        }
        return try ContestDefinition.decode(json: planned.json)
    }

    /// Commits the run's results, each attempt bounded by `databaseTimeout`; when the connection
    /// drops or an attempt times out (a database restart, a cut network) it is tried again, up to
    /// `commitAttempts` times. Harmless when an earlier attempt did land: `arena_finish_run` writes
    /// only while this runner holds the job, so the repeat reports `leaseLost`.
    private func commit(_ completion: RunCompletion) async throws -> ArenaStore.FinishOutcome {
        let store = store
        var attempt = 1
        while true {
            do {
                return try await databaseCall(configuration.databaseTimeout) {
                    try await store.finishRun(completion, rank: { try LeaderboardBuilder.rows($0) })
                }
            } catch let error
                where attempt < configuration.commitAttempts
                && (error is TimeoutError || DatabaseRetry.isConnectionLoss(error))
            {
                logger.warning(
                    "commit interrupted; retrying",
                    metadata: ["run": "\(completion.runId)", "attempt": "\(attempt)", "error": "\(error)"])
                try await Task.sleep(for: .seconds(attempt))
                attempt += 1
            }
        }
    }

    /// Runs `body` while a heartbeat keeps `job`'s lease (it stops with `body`).
    private func holdingLease<T>(_ job: JobRecord, _ body: () async throws -> T) async throws -> T {
        let heartbeat = LeaseHeartbeat(store: store, jobId: job.id, configuration: configuration, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await heartbeat.run(settingOnLoss: StopFlag()) }
            defer { group.cancelAll() }
            return try await body()
        }
    }

    /// Runs the heat on its own thread next to the lease heartbeat; the heat stops at the next
    /// tick when the runner shuts down (`stop`) or the lease is lost.
    private func runHeat(_ spec: HeatSpec, job: JobRecord, stop: StopFlag) async throws -> HeatOutcome? {
        let heatStop = StopFlag()
        let executor = HeatExecutor(sandbox: configuration.sandbox, signingKey: signingKey, logger: logger)
        let heartbeat = LeaseHeartbeat(store: store, jobId: job.id, configuration: configuration, logger: logger)
        let heatTicks = Counter(label: "arena_heat_ticks_total")
        return try await withThrowingTaskGroup(of: HeatOutcome?.self) { group in
            group.addTask {
                try await DedicatedThread.run {
                    try executor.run(
                        spec, shouldStop: { stop.isSet || heatStop.isSet },
                        progress: { _, _ in heatTicks.increment() })
                }
            }
            group.addTask {
                await heartbeat.run(settingOnLoss: heatStop)
                return nil
            }
            var result: HeatOutcome?
            for try await value in group {
                if let value {
                    result = value
                    group.cancelAll()
                }
            }
            return result
        }
    }
}
