import BundleKit
import ContestModel
import Foundation
import HeatRunner
import Logging
import Metrics
import Sandbox
import Storage

/// Executes one `validate` job: plays the submission alone in the contest's validation episode
/// (``HeatRunner/ValidationEpisode``, in the real sandbox, while a heartbeat keeps the lease) and
/// commits the verdict: a pass queues the submission for ranking and makes it the team's active
/// entry, a rejection (the bot crashed, missed its deadlines, broke the protocol, or placed no
/// order when the contest requires activity) releases its quota charge and leaves the team's
/// entry alone. Platform problems throw, so the job is retried.
struct ValidationJob {
    let store: ArenaStore
    let configuration: RunnerConfiguration
    let logger: Logger

    func execute(_ job: JobRecord, stop: StopFlag) async throws {
        let store = store
        let limit = configuration.databaseTimeout
        guard
            let subject = try await databaseCall(
                limit, idempotent: true, { try await store.validationSubject(jobId: job.id) }),
            let contest = try await databaseCall(
                limit, idempotent: true, { try await store.contest(id: subject.submission.contestId) })
        else {
            _ = try await store.completeJob(jobId: job.id, owner: configuration.owner)
            logger.warning("validate job names no submission", metadata: ["job": "\(job.id)"])
            return
        }
        let submission = subject.submission
        guard submission.status == "validating" else {
            _ = try await store.completeJob(jobId: job.id, owner: configuration.owner)
            return
        }
        let definition = try ContestDefinition.decode(json: contest.definitionJSON)
        let directory =
            "\(configuration.workDirectory)/validate-\(submission.id)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let verdict: ValidationVerdict
        switch try prepare(subject, definition: definition, in: directory) {
        case .success(let entry):
            verdict = try await play(entry, definition: definition, job: job, stop: stop)
        case .failure(let refusal):
            verdict = ValidationVerdict(
                passed: false, code: FaultReason.startFailed, reason: refusal.message,
                ticks: 0, seed: definition.validationEpisode.seed, ordersAccepted: 0, trades: 0, faultTick: 0)
        }
        Counter(label: "arena_validations_total", dimensions: [("outcome", verdict.passed ? "passed" : verdict.code)])
            .increment()
        let outcome = ArenaStore.ValidationOutcome(
            passed: verdict.passed, code: verdict.code,
            detail: Self.detail(verdict),
            report: verdict.report)
        let committed = try await databaseCall(limit) {
            try await store.finishValidation(
                jobId: job.id, owner: configuration.owner, submissionId: submission.id, outcome: outcome)
        }
        logger.info(
            "validation finished",
            metadata: [
                "submission": "\(submission.id)", "verdict": "\(verdict.code)", "committed": "\(committed)",
            ])
    }

    /// The status-history detail of a verdict, one line (the shapes `StatusDetail` shows teams):
    /// `validation episode passed: …` or `validation episode failed (CODE): REASON`.
    static func detail(_ verdict: ValidationVerdict) -> String {
        let reason = String(verdict.reason.replacingOccurrences(of: "\n", with: " ").prefix(600))
        return verdict.passed
            ? "validation episode \(reason)" : "validation episode failed (\(verdict.code)): \(reason)"
    }

    /// Why a stored bundle cannot be played (the same on every runner: a rejection, not a retry).
    struct Refusal: Error {
        var message: String
    }

    /// Unpacks the bundle (with the contest's limits) into `directory`.
    private func prepare(_ subject: ArenaStore.ValidationSubject, definition: ContestDefinition, in directory: String)
        throws -> Result<HeatSpec.Entry, Refusal>
    {
        let bundle: StrategyBundle
        do {
            bundle = try BundleArchive.unpack(Array(subject.bundle), limits: BundleLimits(contest: definition))
        } catch {
            return .failure(Refusal(message: "the submitted bundle could not be unpacked: \(error.message)"))
        }
        guard let runtime = Runtime(rawValue: bundle.manifest.runtime.rawValue) else {
            return .failure(
                Refusal(message: "the bundle's runtime \(bundle.manifest.runtime.rawValue) is not supported"))
        }
        if let refusal = BundleValidator.runtimeRefusal(bundle, archiveBytes: nil, contest: definition) {
            return .failure(Refusal(message: refusal.report))
        }
        let slotDirectory = "\(directory)/slot-0"
        try FileManager.default.createDirectory(
            atPath: slotDirectory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        try BundleArchive.write(bundle, to: slotDirectory)
        return .success(
            HeatSpec.Entry(
                slot: 0, teamId: subject.submission.teamId, label: subject.teamName, runtime: runtime,
                bundleDirectory: slotDirectory, entry: bundle.manifest.entry,
                submissionSHA256: subject.submission.sha256, runtimeName: bundle.manifest.runtimeName))
    }

    /// Plays the episode on its own thread next to the lease heartbeat; stops at the next tick
    /// when the runner shuts down or the lease is lost (`HeatError.cancelled`).
    private func play(_ entry: HeatSpec.Entry, definition: ContestDefinition, job: JobRecord, stop: StopFlag)
        async throws -> ValidationVerdict
    {
        let episodeStop = StopFlag()
        let episode = ValidationEpisode(sandbox: configuration.sandbox, logger: logger)
        let heartbeat = LeaseHeartbeat(store: store, jobId: job.id, configuration: configuration, logger: logger)
        let verdict = try await withThrowingTaskGroup(of: ValidationVerdict?.self) { group in
            group.addTask {
                try await DedicatedThread.run {
                    try episode.run(contest: definition, entry: entry, shouldStop: { stop.isSet || episodeStop.isSet })
                }
            }
            group.addTask {
                await heartbeat.run(settingOnLoss: episodeStop)
                return nil
            }
            var result: ValidationVerdict?
            for try await value in group {
                if let value {
                    result = value
                    group.cancelAll()
                }
            }
            return result
        }
        guard let verdict else { throw HeatError(.cancelled, "the validation episode produced no verdict") }
        return verdict
    }
}
