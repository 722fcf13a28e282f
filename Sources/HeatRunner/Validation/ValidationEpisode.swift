import AuditLog
public import ContestModel
import Foundation
public import Logging
public import Sandbox

/// Plays one bot alone with the background market for the contest's validation episode (a few
/// ticks on the public practice seed, with the contest's deadlines and limits, in the real
/// sandbox) and judges it: ``ValidationVerdict``. The server's `validate` job and `arena check`
/// both call this, so "works" means the same everywhere.
///
/// Blocking: call `run` on a dedicated thread, like ``HeatExecutor/run(_:shouldStop:progress:)``.
public struct ValidationEpisode: Sendable {
    /// The run id written into the episode's (discarded) transcript.
    public static let runId = "validation"

    let sandbox: SandboxConfiguration
    let logger: Logger
    let workers: WorkersFactory

    /// An episode runner starting its bot with `workers` (by default a real sandboxed process
    /// configured by `sandbox` and the contest's limits).
    public init(sandbox: SandboxConfiguration, logger: Logger, workers: WorkersFactory = .workerGroup) {
        self.sandbox = sandbox
        self.logger = logger
        self.workers = workers
    }

    /// Plays `entry` (its slot is ignored: the bot plays alone in slot 0) in `contest`'s
    /// validation episode. Throws only for platform problems (the sandbox could not start at
    /// all, signing failed, the runner is stopping); a bot's own failure is a verdict.
    public func run(
        contest: ContestDefinition, entry: HeatSpec.Entry, shouldStop: @Sendable () -> Bool = { false }
    ) throws(HeatError) -> ValidationVerdict {
        let settings = contest.validationEpisode
        var solo = entry
        solo.slot = 0
        let spec = HeatSpec(
            contest: contest, runId: Self.runId, seed: settings.seed, entries: [solo], ticks: settings.ticks)
        let key: SigningKey
        do {
            // The transcript is thrown away: a fixed key, never a platform key.
            key = try SigningKey(rawRepresentation: Array(repeating: 0x56, count: 32))
        } catch {
            throw HeatError(.transcript, "episode key: \(error)")
        }
        let executor = HeatExecutor(sandbox: sandbox, signingKey: key, logger: logger, workers: workers)
        let outcome = try executor.run(spec, shouldStop: shouldStop)
        return Self.judge(outcome, entry: solo, settings: settings)
    }

    /// The verdict on slot `entry.slot` of a finished episode.
    public static func judge(_ outcome: HeatOutcome, entry: HeatSpec.Entry, settings: ValidationSettings)
        -> ValidationVerdict
    {
        let report = outcome.reports[entry.slot]
        let team = outcome.transcript.results.teams.first { Int($0.slot) == entry.slot }
        let orders = team.map { EpisodeActivity.acceptedOrders(in: outcome.transcript, account: $0.account) } ?? 0
        let trades = team?.trades ?? 0
        let tail = logTail(report, bundleDirectory: entry.bundleDirectory)
        var verdict = ValidationVerdict(
            passed: true, code: ValidationVerdict.passedCode, reason: "", ticks: outcome.transcript.tickCount,
            seed: settings.seed, ordersAccepted: orders, trades: trades, logTail: tail)
        if let fault = report?.fault {
            verdict.passed = false
            verdict.code = fault.reason.code
            verdict.faultTick = fault.tick
            let python =
                entry.runtime == .python && fault.reason.code == FaultReason.crashed
                ? PythonErrorSummary.summary(stderr: report?.stderrTail ?? "", bundleDirectory: entry.bundleDirectory)
                : nil
            if let python {
                verdict.reason = "the bot crashed at tick \(fault.tick) with a Python error: \(python)"
            } else if fault.reason.code == FaultReason.startFailed {
                // The sandbox's own words may name host paths: say what the team can check.
                verdict.reason =
                    "the bot could not be started: check that the entry program exists in the bundle "
                    + "(and, for exec bundles, is a Linux x86-64 executable)"
            } else {
                verdict.reason = "the bot was faulted at tick \(fault.tick): \(fault.reason)"
            }
        } else if settings.requireActivity && orders == 0 {
            verdict.passed = false
            verdict.code = ValidationVerdict.noActivityCode
            verdict.reason =
                "the bot placed no order the exchange accepted in \(verdict.ticks) practice ticks, "
                + "and this contest requires activity"
        } else {
            verdict.reason =
                "passed: \(orders) order\(orders == 1 ? "" : "s") accepted, \(trades) trade\(trades == 1 ? "" : "s")"
        }
        return verdict
    }

    /// The last log lines and the stderr tail, at most 4 KiB, with the bundle directory of a
    /// plain local process shown as `/bot` (as in the sandbox).
    static func logTail(_ report: WorkerReport?, bundleDirectory: String) -> String {
        guard let report else { return "" }
        var parts: [String] = []
        let logs = report.logLines.suffix(20)
        if !logs.isEmpty { parts.append(logs.joined(separator: "\n")) }
        if !report.stderrTail.isEmpty { parts.append("--- stderr ---\n" + report.stderrTail) }
        var text = parts.joined(separator: "\n")
        if !bundleDirectory.isEmpty, bundleDirectory != "/" {
            text = text.replacingOccurrences(of: bundleDirectory, with: "/bot")
        }
        let limit = 4096
        guard text.utf8.count > limit else { return text }
        return "…" + String(decoding: Array(text.utf8.suffix(limit)), as: UTF8.self)
    }
}
