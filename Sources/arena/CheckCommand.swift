import ArgumentParser
import Foundation
import MarketModel
import StrategyKit

/// `arena check <bundle|strategy.yaml>`: validates a strategy bundle offline, exactly as the
/// server does on submission. Exit code 0 when valid, 1 when not.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a strategy bundle (parse, type-check, bound its cost per tick).",
        discussion: """
            Prints each problem as file:line:column with the offending text, what was expected and,
            for misspellings, the closest valid name. Exits 0 when the bundle is valid, 1 when it is \
            not, 2 when the path cannot be read.
            --json prints the same report with snake_case keys (e.g. cost_bound, diagnostics with \
            offending_text and suggestion).

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

    func run() async throws {
        let limits = CheckLimits(
            maxLookback: maxLookback, maxStepsPerTick: maxSteps, instruments: CheckLimits.standard.instruments,
            maxOrdersPerTick: maxOrdersPerTick)
        var report = StrategyCheckReport.check(path: path, limits: limits)
        if report.ok, let runtime = report.runtime, runtime != .rules {
            report = Self.checkEntry(report, bundle: path)
        }
        if json {
            Output.json(report)
        } else {
            Console.out(report.summary)
        }
        if report.errorCode == .unreadable { throw ExitCode(ExitCodes.usage) }
        if !report.ok { throw ExitCode(ExitCodes.failed) }
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
