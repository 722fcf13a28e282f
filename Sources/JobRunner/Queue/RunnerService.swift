import AuditLog
import ContestModel
import Crypto
import Foundation
import HeatRunner
public import Logging
import Metrics
public import ServiceLifecycle
public import Storage

/// The queue consumer: claims jobs from PostgreSQL (`FOR UPDATE SKIP LOCKED`) and dispatches
/// them by kind: `evaluate` jobs are planned into runs (`Evaluation/`), `run` jobs run one heat
/// with a heartbeat on the lease and commit the results in one transaction (`Execution/`),
/// `publish` jobs sign and store a sealed board version (`Publication/`). Any
/// number of runners may share a database. On graceful shutdown a running heat stops at the next
/// tick and its lease is handed back so another runner retries it.
public struct RunnerService: Service {
    let store: ArenaStore
    let configuration: RunnerConfiguration
    let logger: Logger

    public init(store: ArenaStore, configuration: RunnerConfiguration, logger: Logger) {
        self.store = store
        self.configuration = configuration
        self.logger = logger
    }

    public func run() async throws {
        let stop = StopFlag()
        // Rides out a database that is restarting while the runner starts.
        let signingKey = try await DatabaseRetry.idempotent(retries: 10, pause: .seconds(1)) { try await prepareKey() }
        logger.info("runner started", metadata: ["owner": "\(configuration.owner)", "key": "\(signingKey.id)"])
        await withGracefulShutdownHandler {
            while !stop.isSet {
                do {
                    // Bounded: a poll on a connection cut off from the database must not hang the
                    // loop (nor a graceful shutdown); a lease it took anyway simply expires.
                    let (store, owner, lease) = (store, configuration.owner, configuration.lease)
                    if let job = try await databaseCall(
                        configuration.databaseTimeout, { try await store.claimJob(owner: owner, lease: lease) })
                    {
                        try await process(job, signingKey: signingKey, stop: stop)
                    } else {
                        try? await Task.sleep(for: configuration.pollInterval)
                    }
                } catch is CancellationError {
                    break
                } catch {
                    logger.error("runner loop error", metadata: ["error": "\(error)"])
                    try? await Task.sleep(for: .seconds(1))
                }
            }
        } onGracefulShutdown: {
            stop.set()
        }
        logger.info("runner stopped", metadata: ["owner": "\(configuration.owner)"])
    }

    /// Claims and processes jobs until none is available (tests and tools); returns how many ran.
    public func runUntilIdle() async throws -> Int {
        let signingKey = try await prepareKey()
        let stop = StopFlag()
        var processed = 0
        while let job = try await store.claimJob(owner: configuration.owner, lease: configuration.lease) {
            try await process(job, signingKey: signingKey, stop: stop)
            processed += 1
        }
        return processed
    }

    private func prepareKey() async throws -> SigningKey {
        let keys = KeyStore(configuration: KeyStoreConfiguration(directory: configuration.keyDirectory))
        let signingKey = try keys.activeKey()
        try await store.registerPublicKey(
            keyId: signingKey.id, publicKey: Data(signingKey.publicKey.rawRepresentation),
            active: true)
        return signingKey
    }

    private func process(_ job: JobRecord, signingKey: SigningKey, stop: StopFlag) async throws {
        Counter(label: "arena_jobs_claimed_total", dimensions: [("kind", job.kind.rawValue)]).increment()
        var logger = self.logger
        logger[metadataKey: "job"] = "\(job.id)"
        if let runId = job.runId { logger[metadataKey: "run"] = "\(runId)" }
        switch job.kind {
        case .evaluate:
            try await EvaluationPlanner(store: store, logger: logger).plan(job, owner: configuration.owner)
        case .publish:
            let publisher = BoardPublisher(
                store: store, signingKey: signingKey, owner: configuration.owner, logger: logger)
            do {
                try await publisher.publish(job)
            } catch {
                logger.error("publication failed", metadata: ["job": "\(job.id)", "error": "\(error)"])
                let retryable = !(error is BoardPublisher.Refusal)
                try await store.failJob(
                    jobId: job.id, owner: configuration.owner, error: "\(error)", retryable: retryable)
            }
        case .validate:
            do {
                try await ValidationJob(store: store, configuration: configuration, logger: logger)
                    .execute(job, stop: stop)
            } catch let error as HeatError where error.code == .cancelled {
                try await store.releaseJob(jobId: job.id, owner: configuration.owner)
            } catch {
                logger.error("validation failed", metadata: ["job": "\(job.id)", "error": "\(error)"])
                let gaveUp = try await store.failJob(jobId: job.id, owner: configuration.owner, error: "\(error)")
                if gaveUp { try await store.failValidationPermanently(jobId: job.id, reason: "\(error)") }
            }
        case .run:
            let execution = RunExecution(
                store: store, configuration: configuration, signingKey: signingKey, logger: logger)
            do {
                try await execution.execute(job, stop: stop)
            } catch let error as HeatError where error.code == .cancelled {
                try await store.releaseJob(jobId: job.id, owner: configuration.owner)
                logger.info("handed run back", metadata: ["job": "\(job.id)"])
            } catch {
                logger.error("run failed", metadata: ["job": "\(job.id)", "error": "\(error)"])
                let gaveUp = try await store.failJob(jobId: job.id, owner: configuration.owner, error: "\(error)")
                if gaveUp, let runId = job.runId {
                    try await store.failRunPermanently(runId: runId, reason: "\(error)")
                }
            }
        }
    }
}
