public import AuditLog
import BotProtocol
import ContestModel
import Foundation
public import Logging
import MarketEngine
import MarketModel
public import ModelGateway
public import Sandbox
import Scoring

/// Runs one heat: one shared market, one worker per team, the tick loop, the transcript.
///
/// Blocking: call `run` on a dedicated thread (it drives the workers' pipes with blocking I/O).
public struct HeatExecutor: Sendable {
    public static let engineVersion = "perparena-engine/1"

    let sandbox: SandboxConfiguration
    let signingKey: SigningKey
    let logger: Logger
    let workers: WorkersFactory
    let threads: Int
    let models: ModelEndpointFactory

    /// An executor whose heats sign with `signingKey` and run their bots with `workers` (by
    /// default `rules` strategies inside the runner and every other bot in a sandboxed process
    /// configured by `sandbox` and each contest's limits). A heat uses up to `threads` threads
    /// for its in-process strategies and per-bot observation work (default: the machine's
    /// active processor count); results do not depend on it.
    public init(
        sandbox: SandboxConfiguration, signingKey: SigningKey, logger: Logger, workers: WorkersFactory = .workerGroup,
        threads: Int? = nil, models: ModelEndpointFactory = .http
    ) {
        self.models = models
        self.sandbox = sandbox
        self.signingKey = signingKey
        self.logger = logger
        self.workers = workers
        self.threads = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Runs the heat to the end; `shouldStop` is polled every tick (graceful shutdown) and
    /// `progress` is told each finished tick (for progress bars).
    public func run(
        _ spec: HeatSpec, shouldStop: @Sendable () -> Bool = { false },
        progress: (_ tick: Int, _ of: Int) -> Void = { _, _ in }
    ) throws(HeatError) -> HeatOutcome {
        let contest = spec.contest
        let market = MarketConfigurationFactory.make(contest)
        let ticks = spec.ticks ?? contest.evaluation.ticks
        let deposit = Money(decimal: contest.evaluation.startingBalance) ?? .usdt(10_000)
        let members = spec.entries.map {
            HeatMember(
                slot: UInt32($0.slot), teamID: "\($0.teamId)", label: $0.label, submissionHash: $0.submissionSHA256)
        }
        // Installed runtimes (python-ml, …) of this host, checked against the contest's pins.
        let runtimes = try RuntimeResolution(
            entries: spec.entries, contest: contest, directory: sandbox.runtimesDirectory)
        let recorder: RunRecorder
        do {
            var header = try TranscriptHeader(
                engineVersion: Self.engineVersion, runID: spec.runId, contestID: contest.id,
                contestConfigurationHash: (try? contest.sha256()) ?? "", seed: spec.seed, configuration: market,
                members: members, attestationKeyID: signingKey.id)
            header.runtimes = runtimes.identities
            recorder = try RunRecorder(header: header)
        } catch {
            throw HeatError(.transcript, "\(error)")
        }
        var configuration = sandbox
        configuration.tickDeadline = .milliseconds(contest.limits.tickDeadlineMilliseconds)
        configuration.firstTickDeadline = .milliseconds(contest.limits.firstTickDeadlineMilliseconds)
        configuration.maxStrikes = contest.limits.maxStrikes
        configuration.maxActionsPerTick = contest.limits.maxActionsPerTick
        configuration.limits.memoryMiB = contest.limits.memoryMiB
        configuration.limits.pids = contest.limits.pids
        configuration.limits.cpuSeconds = contest.limits.cpuSeconds
        runtimes.apply(to: &configuration, contest: contest)
        let bots: any Workers
        let ready = spec.entries.filter { $0.preparationFault == nil }
        let hosted = workers.rulesInProcess ? ready.filter { $0.runtime == .rules } : []
        let rules = hosted.isEmpty ? nil : InProcessRules(entries: hosted)
        let prepared = workers.rulesInProcess ? ready.filter { $0.runtime != .rules } : ready
        var launched: (any Workers)?
        do {
            launched =
                prepared.isEmpty
                ? nil
                : try workers.make(
                    configuration: configuration,
                    launches: prepared.map {
                        WorkerLaunch(
                            slot: $0.slot, label: $0.label, runtime: $0.runtime,
                            bundleDirectory: $0.bundleDirectory, entry: $0.entry,
                            environment: runtimes.environments[$0.slot])
                    }, logger: logger)
            if let launched, prepared.count == spec.entries.count {
                bots = launched
            } else {
                bots = PreparedWorkers(inner: launched, unprepared: spec.entries.filter { $0.preparationFault != nil })
            }
        } catch {
            throw HeatError(.sandbox, "\(error)")
        }
        var loop = TickLoop(
            recorder: recorder, workers: bots, spec: spec, market: market, deposit: deposit,
            ticks: ticks, logger: logger, rules: rules, encodedWorkers: launched as? any EncodedObservationWorkers,
            threads: threads, clock: contest.llm.map { DecisionClock(settings: $0, endpoint: models.make($0)) })
        let (finished, reports, curves) = try loop.run(shouldStop: shouldStop, progress: progress)
        let transcript = finished.finish()
        do {
            let attestation = try signingKey.sign(transcript.manifest)
            return HeatOutcome(transcript: transcript, attestation: attestation, reports: reports, equityCurves: curves)
        } catch {
            throw HeatError(.transcript, "signing failed: \(error)")
        }
    }
}
