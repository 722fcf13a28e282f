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
            for misspellings, the closest valid name. Exits 0 when the bundle is valid, 1 otherwise.
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
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.summary)
        }
        if !report.ok { throw ExitCode(1) }
    }

    /// For `python`/`exec` bundles, the `entry` program must exist next to strategy.yaml.
    private static func checkEntry(_ report: StrategyCheckReport, bundle: String) -> StrategyCheckReport {
        var isDirectory: ObjCBool = false
        let directory =
            FileManager.default.fileExists(atPath: bundle, isDirectory: &isDirectory) && isDirectory.boolValue
            ? bundle : (bundle as NSString).deletingLastPathComponent
        guard let document = try? StrategyDocument.load(path: bundle), let entry = document.entry else { return report }
        let entryPath = (directory as NSString).appendingPathComponent(entry)
        guard !FileManager.default.fileExists(atPath: entryPath) else { return report }
        var failed = report
        failed.ok = false
        failed.errorCode = .schema
        failed.diagnostics = [
            Diagnostic(
                file: document.fileName, line: 1, column: 1, offendingText: entry,
                message: "entry '\(entry)' does not exist in the bundle", expected: "a file at \(entryPath)")
        ]
        return failed
    }
}
