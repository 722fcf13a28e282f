import AuditLog
import BundleKit
import ContestModel
import Foundation
import HeatRunner
import Leaderboard
import Logging
import MarketModel
import Metrics
import Sandbox
import Scoring
import Storage

/// Executes one `run` job: unpack bundles, run the heat with a lease heartbeat, commit.
struct RunExecution {
    let store: ArenaStore
    let configuration: RunnerConfiguration
    let signingKey: SigningKey
    let logger: Logger

    func execute(_ job: JobRecord, stop: StopFlag) async throws {
        guard let runId = job.runId, let run = try await store.run(id: runId),
            let contest = try await store.contest(id: run.contestId)
        else { throw HeatError(.bundle, "run or contest missing") }
        let definition = try ContestDefinition.decode(json: contest.definitionJSON)
        let entries = try await store.runEntries(runId: runId)
        try await store.markRunStarted(runId: runId)
        let directory = "\(configuration.workDirectory)/run-\(runId)-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let spec = try prepare(definition: definition, run: run, entries: entries, directory: directory)
        let heatStop = StopFlag()
        let executor = HeatExecutor(sandbox: configuration.sandbox, signingKey: signingKey, logger: logger)
        let inFlight = Meter(label: "arena_runs_in_flight")
        inFlight.increment()
        defer { inFlight.decrement() }
        let heatTicks = Counter(label: "arena_heat_ticks_total")
        let started = ContinuousClock.now
        let outcome = try await withThrowingTaskGroup(of: HeatOutcome?.self) { group in
            group.addTask {
                try await DedicatedThread.run {
                    try executor.run(
                        spec, shouldStop: { stop.isSet || heatStop.isSet },
                        progress: { _, _ in heatTicks.increment() })
                }
            }
            group.addTask {
                var lastHeld = ContinuousClock.now
                while !Task.isCancelled {
                    try? await Task.sleep(for: configuration.heartbeat)
                    if Task.isCancelled { break }
                    // A heartbeat that cannot reach the database for longer than the lease means
                    // another runner may own the job now: stop rather than race it.
                    let attempt = try? await withTimeout(configuration.heartbeat) {
                        try await store.heartbeat(jobId: job.id, owner: configuration.owner, lease: configuration.lease)
                    }
                    if let attempt { lastHeld = attempt ? .now : lastHeld }
                    let held = attempt ?? (lastHeld.duration(to: .now) < configuration.lease)
                    if attempt == false || !held {
                        logger.warning("lease lost; stopping heat", metadata: ["job": "\(job.id)"])
                        heatStop.set()
                        break
                    }
                }
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
        guard let outcome else { throw HeatError(.cancelled, "heat produced no outcome") }
        Counter(label: "arena_ticks_total").increment(by: outcome.transcript.tickCount * max(1, entries.count))
        let elapsed = (ContinuousClock.now - started) / .milliseconds(1)
        Gauge(label: "arena_heat_ticks_per_second").record(
            Double(outcome.transcript.tickCount) * 1000 / max(1, elapsed))
        let completion = try completion(
            job: job, runId: runId, entries: entries, definition: definition, outcome: outcome)
        let result = try await store.finishRun(completion, rank: { try LeaderboardBuilder.rows($0) })
        Counter(label: "arena_runs_completed_total").increment()
        logger.info(
            "run finished",
            metadata: [
                "run": "\(runId)", "outcome": "\(result)",
                "root": "\(outcome.transcript.root)",
            ])
    }

    private func prepare(
        definition: ContestDefinition, run: RunRecord, entries: [RunEntryRecord],
        directory: String
    ) throws -> HeatSpec {
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o755])
        let limits = BundleLimits(maxArchiveBytes: definition.limits.bundleMaxBytes)
        let heatEntries = try entries.map { entry -> HeatSpec.Entry in
            let bundle = try BundleArchive.unpack(Array(entry.bundle), limits: limits)
            let slotDirectory = "\(directory)/slot-\(entry.slot)"
            try FileManager.default.createDirectory(
                atPath: slotDirectory, withIntermediateDirectories: false,
                attributes: [.posixPermissions: 0o755])
            try BundleArchive.write(bundle, to: slotDirectory)
            guard let runtime = Runtime(rawValue: bundle.manifest.runtime.rawValue) else {
                throw HeatError(.bundle, "unsupported runtime \(bundle.manifest.runtime)")
            }
            return HeatSpec.Entry(
                slot: entry.slot, teamId: entry.teamId, label: entry.teamName, runtime: runtime,
                bundleDirectory: slotDirectory, entry: bundle.manifest.entry,
                submissionSHA256: entry.sha256)
        }
        return HeatSpec(contest: definition, runId: "\(run.id)", seed: run.seed, entries: heatEntries)
    }

    private func completion(
        job: JobRecord, runId: Int64, entries: [RunEntryRecord], definition: ContestDefinition,
        outcome: HeatOutcome
    ) throws -> RunCompletion {
        let teams = outcome.transcript.results.teams
        let results = entries.map { entry -> RunResultRecord in
            let team = teams.first { Int($0.slot) == entry.slot }
            let curve = outcome.equityCurves[entry.slot] ?? []
            let metrics = EquityMetrics(curve: curve)
            let report = outcome.reports[entry.slot]
            let score: Int64 =
                switch definition.scoring.metric {
                case .pnl: metrics.pnl.units
                case .returnBps: metrics.returnBps
                case .sharpe: metrics.sharpeMilli
                }
            var logs = report?.logLines.joined(separator: "\n") ?? ""
            if let stderr = report?.stderrTail, !stderr.isEmpty { logs += "\n--- stderr (tail) ---\n" + stderr }
            let reportJSON =
                (try? String(
                    decoding: JSONEncoder().encode(
                        RunReportDetails(
                            strikes: report?.strikes ?? 0, droppedLogLines: report?.droppedLogLines ?? 0,
                            exitStatus: report.map { "\($0.exitStatus)" } ?? "",
                            memoryPeakBytes: report?.memoryPeakBytes)), as: UTF8.self)) ?? "{}"
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
            jobId: job.id, owner: configuration.owner, runId: runId,
            engineVersion: HeatExecutor.engineVersion,
            configSHA256: outcome.transcript.header.configurationHash.description,
            transcript: Data(outcome.transcript.bytes),
            transcriptRoot: outcome.transcript.root.description,
            attestationJSON: String(decoding: attestation, as: UTF8.self), results: results)
    }
}
