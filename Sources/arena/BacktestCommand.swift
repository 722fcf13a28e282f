import ArgumentParser
import AuditLog
import ContestModel
import Foundation
import HeatRunner
import Sandbox

/// `arena backtest`: runs bundles locally against the simulated market.
struct BacktestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Run a bundle locally in the simulated market and summarise return, Sharpe, drawdown, trades, fees.",
        discussion: """
            The bundle runs in a worker exactly as on the platform (plain processes unless root), \
            against the contest's background market. --with adds more local bundles to the same \
            market. The contest comes from --contest, else Seeds/contests/demo.yaml when found, \
            else built-in defaults; the seed defaults to the contest's first round. The same \
            bundles, contest and seed always give identical output. Files left out by \
            .arenaignore (see `arena submit --help`) are left out here too.

            Exit code 1 when a bot faulted (crashed, broke the protocol or ran out of strikes): \
            the server would rank it as faulted. --plot writes an SVG chart: equity per bot over \
            time in ticks, the deposit as a dashed line, fills as dots.

            Examples:
              arena backtest
              arena backtest ./mybot --ticks 600 --seed 7
              arena backtest ./mybot --with ../rival --plot equity.svg
              arena backtest --contest contest.yaml --json
            """)

    @Argument(help: "Bundle directory.") var directory = "."
    @Option(name: .customLong("with"), help: "Another bundle to trade in the same market (repeatable).")
    var others: [String] = []
    @Option(help: "Contest YAML file (market, ticks, limits).") var contest: String?
    @Option(help: "Market seed (default: the contest's first round seed).") var seed: UInt64?
    @Option(help: "Number of ticks (default: the contest's).") var ticks: Int?
    @Option(help: "Write an SVG equity chart to this file.") var plot: String?
    @Flag(help: "Print each bot's log lines.") var logs = false
    @Option(help: "Write the run's transcript to this file (read it with `arena decisions FILE`, `arena verify FILE`).")
    var transcript: String?
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CommandRunner.run(global) { session in
            let definition = try loadContest()
            if let ticks, ticks <= 0 { throw CLIError.usage("--ticks must be positive") }
            let runner = BacktestRunner(
                configuration: .init(
                    directories: [directory] + others, contest: definition,
                    seed: seed ?? definition.evaluation.rounds.first?.seed ?? 1, ticks: ticks,
                    sandbox: try LocalRuntime.sandbox()))
            let bar = ProgressBar(label: "backtest", enabled: session.terminal.progress && !session.json)
            let (spec, outcome) = try await runner.run { bar.update($0, of: $1) }
            bar.finish()
            var slots: [Int: String] = [:]
            for (index, path) in ([directory] + others).enumerated() { slots[index] = path }
            let report = BacktestReport(
                outcome: outcome, spec: spec, directories: slots,
                fills: BacktestFills.ticks(in: outcome.transcript))
            if let plot { try writePlot(report, to: plot) }
            if let transcript {
                do {
                    try Data(outcome.transcript.bytes).write(to: URL(fileURLWithPath: transcript))
                    try outcome.attestation.jsonData().write(to: URL(fileURLWithPath: transcript + ".attestation.json"))
                } catch {
                    throw CLIError.usage("cannot write \(transcript): \(error.localizedDescription)")
                }
            }
            let isolation = "Bots ran \(LocalRuntime.describe(runner.configuration.sandbox.isolation))."
            if session.json {
                Output.json(report)
            } else {
                BacktestPrinter(terminal: session.terminal, showLogs: logs).print(report)
                Console.out(isolation)
                if let plot { Console.out("Wrote \(plot).") }
            }
            try Self.failIfFaulted(report, json: session.json, showLogs: logs)
        }
    }

    /// A faulted bot fails the backtest (exit code 1), as it would be ranked faulted on the server.
    static func failIfFaulted(_ report: BacktestReport, json: Bool, showLogs: Bool) throws {
        let faulted = report.teams.filter { $0.fault != nil }
        guard !faulted.isEmpty else { return }
        if json { throw ExitCode(ExitCodes.failed) }
        let names = faulted.map { "\($0.name) faulted (\($0.fault ?? "")) at tick \($0.faultTick ?? 0)" }
        throw CLIError(
            "bot_faulted", names.joined(separator: "; "),
            hint: showLogs
                ? "its output is above (see the stderr tail); fix the bot and run `arena backtest` again"
                : "see its output with `arena backtest --logs`; fix the bot and run `arena backtest` again",
            exitCode: ExitCodes.failed)
    }

    private func loadContest() throws -> ContestDefinition {
        let path = contest ?? LocalRuntime.seedFile("contests/demo.yaml")
        guard let path else { return ContestDefinition(id: "local", name: "Local backtest") }
        do {
            return try ContestDefinitionLoader.load(path: path)
        } catch {
            throw CLIError(
                "contest_invalid", "\(path): \(error)", hint: "fix the contest file or omit --contest",
                exitCode: ExitCodes.usage)
        }
    }

    private func writePlot(_ report: BacktestReport, to path: String) throws {
        let series = report.teams.map { team in
            Charts.Series(
                name: team.name, values: team.equity.map { Double($0) ?? 0 },
                marks: team.fillTicks.map { Int($0) + 1 })
        }
        let svg = Charts.svg(
            series: series, title: "Equity — \(report.contest), seed \(report.seed), \(report.ticks) ticks",
            reference: report.teams.first?.equity.first.flatMap(Double.init))
        do {
            try Data(svg.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CLIError.usage("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
