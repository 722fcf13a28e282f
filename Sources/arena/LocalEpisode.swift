import BundleKit
import ContestModel
import Foundation
import HeatRunner
import Logging
import Sandbox

/// Plays a local bundle's validation episode exactly as the server does before ranking a
/// submission (``HeatRunner/ValidationEpisode``: the bot alone with the background market for the
/// contest's practice ticks and seed, in a worker, sandboxed as root): `arena check` runs it, so
/// check, backtest, server validation and ranking agree on what "works" means.
enum LocalEpisode {
    /// The verdict on the bundle in `directory` (only the files `arena submit` would upload).
    static func run(directory: String, contest: ContestDefinition, sandbox: SandboxConfiguration) async throws
        -> ValidationVerdict
    {
        let bundle = try BundleLocator.load(directory)
        guard let runtime = Runtime(rawValue: bundle.manifest.runtime.rawValue) else {
            throw CLIError.usage("\(directory): unsupported runtime \(bundle.manifest.runtime.rawValue)")
        }
        if runtime == .python, sandbox.pythonSDKDirectory == nil {
            throw CLIError(
                "python_sdk_missing", "the perparena Python SDK was not found",
                hint:
                    "set ARENA_PYTHON_SDK to the directory holding perparena.py (Sources/PythonSDK in the repository)",
                exitCode: ExitCodes.usage)
        }
        let work = NSTemporaryDirectory() + "arena-check-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: work) }
        let slot = work + "/slot-0"
        do {
            try FileManager.default.createDirectory(
                atPath: slot, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            try BundleArchive.write(bundle, to: slot)
        } catch {
            throw CLIError("work_directory", "cannot prepare \(slot): \(error)", exitCode: ExitCodes.usage)
        }
        let entry = HeatSpec.Entry(
            slot: 0, teamId: 1, label: bundle.manifest.name, runtime: runtime, bundleDirectory: slot,
            entry: bundle.manifest.entry, submissionSHA256: bundle.sha256, runtimeName: bundle.manifest.runtimeName)
        if let refusal = BundleValidator.runtimeRefusal(bundle, archiveBytes: nil, contest: contest) {
            throw CLIError(
                refusal.code, refusal.report,
                hint: "pass --contest with a contest that accepts it, or change the runtime",
                exitCode: ExitCodes.failed)
        }
        var logger = Logger(label: "arena.check")
        logger.logLevel = .error
        let episode = ValidationEpisode(sandbox: sandbox, logger: logger)
        do {
            return try await DedicatedThread.run { try episode.run(contest: contest, entry: entry) }
        } catch {
            throw CLIError(
                "episode_failed", "the validation episode could not run: \(error)",
                hint: LocalRuntime.hint(
                    for: error,
                    fallback: "check that arena-worker and arena-sandbox were built with `arena`, or pass --no-episode"),
                exitCode: ExitCodes.server)
        }
    }

    /// The contest whose episode to play: `path`, else Seeds/contests/demo.yaml when found, else
    /// the built-in defaults (as `arena backtest`).
    /// Names of the runtimes installed in this machine's runtimes directory (with a readable
    /// runtime.json), sorted.
    static func installedRuntimes() -> [String] {
        let directory = LocalRuntime.runtimesDirectory()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().filter { (try? RuntimeEnvironment.load(name: $0, directory: directory)) != nil }
    }

    static func contest(path: String?) throws -> ContestDefinition {
        guard let file = path ?? LocalRuntime.seedFile("contests/demo.yaml") else {
            // No contest at hand: accept the built-in runtimes and every runtime installed here
            // (python-ml, an organizer's own), so a model bot can be checked before a contest
            // is chosen; the server holds each upload to its contest's runtimes.
            var local = ContestDefinition(id: "local", name: "Local check")
            local.runtimes = RuntimeSettings(accepted: RuntimeSettings.builtIn + installedRuntimes())
            return local
        }
        do {
            return try ContestDefinitionLoader.load(path: file)
        } catch {
            throw CLIError(
                "contest_invalid", "\(file): \(error)", hint: "fix the contest file or omit --contest",
                exitCode: ExitCodes.usage)
        }
    }
}
