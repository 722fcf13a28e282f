import ArgumentParser
import BundleKit
import Foundation
import HeatRunner
import MarketModel
import Sandbox
import StrategyKit

/// `arena check <bundle|strategy.yaml>`: validates a strategy bundle locally, exactly as the
/// server does on submission: the static checks, then the validation episode. Exit code 0 when
/// valid, 1 when not.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a bundle as the server does: parse, type-check, then a short practice run.",
        discussion: """
            Prints each problem as file:line:column with the offending text, what was expected and,
            for misspellings, the closest valid name. Then plays the validation episode the server \
            plays before ranking a submission: the bot alone in a short practice market (the \
            contest's `validation` ticks and public seed), in a worker as on the platform. A bot \
            that crashes (for Python: the error and its line), misses its deadlines, breaks the \
            protocol or, when the contest requires activity, places no accepted order fails the \
            check, as the server would reject it. The contest comes from --contest, else \
            Seeds/contests/demo.yaml when found, else built-in defaults (which accept the runtimes \
            installed on this machine, e.g. python-ml). Exits 0 when the bundle is \
            valid, 1 when it is not, 2 when the path cannot be read.
            --json prints the same report with snake_case keys (e.g. cost_bound, diagnostics with \
            offending_text and suggestion, episode with passed, code, reason and log_tail).

            Examples:
              arena check .
              arena check mybot/strategy.yaml --json
            """)

    @Argument(help: "A bundle directory containing strategy.yaml, or the strategy.yaml file itself (default: .).")
    var path: String = "."

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    @Option(name: .long, help: "Longest indicator lookback allowed, in ticks (the contest's limit).")
    var maxLookback: Int = CheckLimits.standard.maxLookback

    @Option(name: .long, help: "Step budget per tick (the contest's limit).")
    var maxSteps: Int = CheckLimits.standard.maxStepsPerTick

    @Option(name: .long, help: "Most orders per tick a strategy may place.")
    var maxOrdersPerTick: Int = CheckLimits.standard.maxOrdersPerTick

    @Option(help: "Contest YAML whose validation episode to play (ticks, seed, limits).")
    var contest: String?

    @Flag(inversion: .prefixedNo, help: "Play the validation episode after the static checks.")
    var episode = true

    func run() async throws {
        let limits = CheckLimits(
            maxLookback: maxLookback, maxStepsPerTick: maxSteps, instruments: CheckLimits.standard.instruments,
            maxOrdersPerTick: maxOrdersPerTick)
        var report = StrategyCheckReport.check(path: path, limits: limits)
        if report.ok, let runtime = report.runtime, runtime != .rules {
            report = Self.checkEntry(report, bundle: path)
        }
        var isolation: String?
        if report.ok, report.runtime == .python {
            report = try Self.checkImports(report, directory: Self.directory(of: path))
        }
        var verdict: ValidationVerdict?
        if report.ok && episode {
            let sandbox = try LocalRuntime.sandbox()
            isolation = LocalRuntime.describe(sandbox.isolation)
            verdict = try await LocalEpisode.run(
                directory: Self.directory(of: path), contest: try LocalEpisode.contest(path: contest),
                sandbox: sandbox)
            if verdict?.passed == false { report.ok = false }
        }
        if json {
            Output.json(CheckOutput(report: report, episode: verdict))
        } else {
            var summary = report.ok || verdict != nil ? Self.staticSummary(report) : report.summary
            if report.runtime == .python,
                let name = try? BundleLocator.load(Self.directory(of: path)).manifest.runtimeName, name != "python"
            {
                summary = summary.replacingOccurrences(of: "(runtime python)", with: "(runtime \(name))")
            }
            Console.out(summary)
            if let verdict { Console.out(Self.episodeSummary(verdict)) }
            if let isolation, verdict != nil { Console.out("the episode ran the bot \(isolation)") }
        }
        if report.errorCode == .unreadable { throw ExitCode(ExitCodes.usage) }
        if !report.ok { throw ExitCode(ExitCodes.failed) }
    }

    /// `arena check --json`: the static report with the episode's verdict under `episode`.
    struct CheckOutput: Encodable {
        var report: StrategyCheckReport
        var episode: ValidationVerdict?

        enum Key: String, CodingKey { case episode }

        func encode(to encoder: any Encoder) throws {
            try report.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encodeIfPresent(episode, forKey: .episode)
        }
    }

    /// The bundle directory of `path` (a directory, or the strategy.yaml inside one).
    static func directory(of path: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue {
            return path
        }
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    /// The static checks' one-line summary of a document that passed them.
    private static func staticSummary(_ report: StrategyCheckReport) -> String {
        var passed = report
        passed.ok = true
        return passed.summary
    }

    /// The episode's verdict for a person, with the log tail and what to do when it failed.
    static func episodeSummary(_ verdict: ValidationVerdict) -> String {
        let head = "validation episode (\(verdict.ticks) practice ticks, seed \(verdict.seed))"
        guard !verdict.passed else { return "\(head): \(verdict.reason)" }
        var text = "error: \(head) failed (\(verdict.code)): \(verdict.reason)"
        if !verdict.logTail.isEmpty { text += "\n--- log tail ---\n" + verdict.logTail }
        return text
            + "\nThe server would reject this bundle (not charged). Fix it and run `arena check` again; "
            + "`arena backtest --logs` shows a whole run."
    }

    /// For Python bundles: every import must be available in the declared runtime
    /// (``CheckImports``); each one that is not becomes a diagnostic at its file and line.
    static func checkImports(_ report: StrategyCheckReport, directory: String) throws -> StrategyCheckReport {
        let bundle = try BundleLocator.load(directory)
        let problems = try CheckImports.check(
            directory: directory, runtimeName: bundle.manifest.runtimeName, sandbox: try LocalRuntime.sandbox())
        guard !problems.isEmpty else { return report }
        var failed = report
        failed.ok = false
        failed.errorCode = .schema
        failed.diagnostics = problems.map {
            Diagnostic(
                file: $0.file, line: $0.line, column: 1, offendingText: "import \($0.module)", message: $0.message,
                expected: "modules of runtime \(bundle.manifest.runtimeName)")
        }
        return failed
    }

    /// For `python`/`exec` bundles, the `entry` program must exist next to strategy.yaml.
    private static func checkEntry(_ report: StrategyCheckReport, bundle: String) -> StrategyCheckReport {
        var isDirectory: ObjCBool = false
        let directory =
            FileManager.default.fileExists(atPath: bundle, isDirectory: &isDirectory) && isDirectory.boolValue
            ? bundle : (bundle as NSString).deletingLastPathComponent
        guard let document = try? StrategyDocument.load(path: bundle), let entry = document.entry else { return report }
        let entryPath = (directory as NSString).appendingPathComponent(entry)
        let message: String
        if !FileManager.default.fileExists(atPath: entryPath) {
            message = "entry '\(entry)' does not exist in the bundle"
        } else if (try? ArenaIgnore.load(directory: directory))?.excludes(file: entry) == true {
            message = "entry '\(entry)' is left out of the upload by \(ArenaIgnore.fileName) or its defaults"
        } else {
            return report
        }
        var failed = report
        failed.ok = false
        failed.errorCode = .schema
        failed.diagnostics = [
            Diagnostic(
                file: document.fileName, line: 1, column: 1, offendingText: entry, message: message,
                expected: "a file at \(entryPath) that is uploaded (`arena submit --dry-run` lists them)")
        ]
        return failed
    }
}
