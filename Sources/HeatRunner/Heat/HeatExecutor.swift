public import AuditLog
import BotProtocol
import ContestModel
public import Logging
import MarketEngine
import MarketModel
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

    /// An executor whose heats sign with `signingKey` and run their bots with `workers` (by
    /// default real sandboxed processes configured by `sandbox` and each contest's limits).
    public init(
        sandbox: SandboxConfiguration, signingKey: SigningKey, logger: Logger, workers: WorkersFactory = .workerGroup
    ) {
        self.sandbox = sandbox
        self.signingKey = signingKey
        self.logger = logger
        self.workers = workers
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
        let recorder: RunRecorder
        do {
            var header = try TranscriptHeader(
                engineVersion: Self.engineVersion, runID: spec.runId, contestID: contest.id,
                contestConfigurationHash: (try? contest.sha256()) ?? "", seed: spec.seed, configuration: market,
                members: members, attestationKeyID: signingKey.id)
            recorder = try RunRecorder(header: header)
        } catch {
            throw HeatError(.transcript, "\(error)")
        }
        // Installed runtimes (python-ml, …) of this host, checked against the contest's pins.
        let runtimes = try RuntimeResolution(
            entries: spec.entries, contest: contest, directory: sandbox.runtimesDirectory)
        var configuration = sandbox
        configuration.tickDeadline = .milliseconds(contest.limits.tickDeadlineMilliseconds)
        configuration.firstTickDeadline = .milliseconds(contest.limits.firstTickDeadlineMilliseconds)
        configuration.maxStrikes = contest.limits.maxStrikes
        configuration.maxActionsPerTick = contest.limits.maxActionsPerTick
        configuration.limits.memoryMiB = contest.limits.memoryMiB
            header.runtimes = runtimes.identities
        configuration.limits.pids = contest.limits.pids
        configuration.limits.cpuSeconds = contest.limits.cpuSeconds
        let bots: any Workers
        let prepared = spec.entries.filter { $0.preparationFault == nil }
        do {
            let launched =
                prepared.isEmpty
                ? nil
                : try workers.make(
                    configuration: configuration,
                    launches: prepared.map {
                        WorkerLaunch(
        runtimes.apply(to: &configuration, contest: contest)
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
            ticks: ticks, logger: logger)
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
