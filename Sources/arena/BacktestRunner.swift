import AuditLog
import BundleKit
import ContestModel
import Foundation
import HeatRunner
import Logging
import Sandbox

/// Runs bundles locally in one shared market, as the platform would, on a dedicated thread.
struct BacktestRunner {
    /// What to run.
    struct Configuration {
        var directories: [String]
        var contest: ContestDefinition
        var seed: UInt64
        var ticks: Int?
        var sandbox: SandboxConfiguration
    }

    /// A fixed local signing key so the transcript root is reproducible (not a platform key).
    static let localKey: SigningKey = {
        // swiftlint:disable:next force_try
        try! SigningKey(rawRepresentation: Array(repeating: 0x42, count: 32))
    }()

    let configuration: Configuration

    func run(progress: @escaping @Sendable (Int, Int) -> Void) async throws -> (HeatSpec, HeatOutcome) {
        let work = NSTemporaryDirectory() + "arena-backtest-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: work) }
        var entries: [HeatSpec.Entry] = []
        for (index, directory) in configuration.directories.enumerated() {
            let bundle = try BundleLocator.load(directory)
            let slotDirectory = "\(work)/slot-\(index)"
            do {
                try FileManager.default.createDirectory(
                    atPath: slotDirectory, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o755])
                try BundleArchive.write(bundle, to: slotDirectory)
            } catch {
                throw CLIError("work_directory", "cannot prepare \(slotDirectory): \(error)", exitCode: ExitCodes.usage)
            }
            guard let runtime = Runtime(rawValue: bundle.manifest.runtime.rawValue) else {
                throw CLIError.usage("\(directory): unsupported runtime \(bundle.manifest.runtime.rawValue)")
            }
            if runtime == .python, configuration.sandbox.pythonSDKDirectory == nil {
                throw CLIError(
                    "python_sdk_missing", "the perparena Python SDK was not found",
                    hint:
                        "set ARENA_PYTHON_SDK to the directory holding perparena.py (Sources/PythonSDK in the repository)",
                    exitCode: ExitCodes.usage)
            }
            let label =
                configuration.directories.count > 1 && entries.contains { $0.label == bundle.manifest.name }
                ? "\(bundle.manifest.name)-\(index)" : bundle.manifest.name
            entries.append(
                HeatSpec.Entry(
                    slot: index, teamId: Int64(index + 1), label: label, runtime: runtime,
                    bundleDirectory: slotDirectory, entry: bundle.manifest.entry,
                    submissionSHA256: bundle.sha256, runtimeName: bundle.manifest.runtimeName))
        }
        let spec = HeatSpec(
            contest: configuration.contest, runId: "local", seed: configuration.seed, entries: entries,
            ticks: configuration.ticks)
        var logger = Logger(label: "arena.backtest")
        logger.logLevel = .error
        let executor = HeatExecutor(sandbox: configuration.sandbox, signingKey: Self.localKey, logger: logger)
        let outcome: HeatOutcome = try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    continuation.resume(returning: try executor.run(spec, progress: { progress($0, $1) }))
                } catch {
                    continuation.resume(
                        throwing: CLIError(
                            "backtest_failed", "the backtest could not run: \(error)",
                            hint: LocalRuntime.hint(
                                for: error,
                                fallback: "check that arena-worker and arena-sandbox were built with `arena`"),
                            exitCode: ExitCodes.server))
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        return (spec, outcome)
    }
}
