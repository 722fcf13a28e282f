import APIModels
import ArgumentParser

/// `arena logs`: your bot's captured output for one run.
struct LogsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs",
        abstract: "Print your bot's log lines (and stderr tail) from a run; only your own bot's.",
        discussion: """
            Without RUN the most recent run of your team is used. --json prints the run report \
            (numbers, fault, logs).

            Examples:
              arena logs
              arena logs 17
              arena logs 17 --json
            """)

    @Argument(help: "Run id (see `arena status`); default: your latest run.") var run: Int64?
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CommandRunner.run(global) { session in
            let client = try session.authenticatedClient()
            var id = run
            if id == nil {
                let runs = try await client.get("/v1/runs", as: [RunSummaryView].self)
                id = runs.map(\.runId).max()
            }
            guard let id else {
                throw CLIError(
                    "no_runs", "your team has no runs yet",
                    hint: "submit with `arena submit --wait`; logs appear once a run finishes",
                    exitCode: ExitCodes.refused)
            }
            let report = try await client.get("/v1/runs/\(id)/report", as: RunReportView.self)
            if session.json { return Output.json(report) }
            let t = session.terminal
            Console.err(Self.header(report, t))
            if let runtime = Self.runtimeLine(report) { Console.err(t.paint(runtime, .dim)) }
            if let integrity = report.integrity {
                Console.err(
                    t.paint(
                        "Fair play: evaluation \(integrity.evaluationId)'s integrity report flags your team "
                            + "(\(integrity.flags.joined(separator: ", "))); the organizers review it (docs/INTEGRITY.md)"
                            + (integrity.section == nil
                                ? "; the evidence is published with the results" : "; --json shows your part"),
                        .yellow))
            }
            Console.out(report.logs.isEmpty ? "(no log lines)" : report.logs)
        }
    }

    /// The bot's runtime and its identity, and how many decisions it recorded (nil for reports
    /// without a runtime, from servers before runtimes were recorded).
    static func runtimeLine(_ report: RunReportView) -> String? {
        guard let runtime = report.runtime else { return nil }
        var line = "runtime \(runtime)"
        if let lock = report.runtimeLockSha256, !lock.isEmpty { line += " (lock sha256 \(lock))" }
        if let decisions = report.decisions, !decisions.isEmpty {
            line += "; \(decisions.count) decisions recorded (`arena decisions \(report.runId)`)"
        }
        return line
    }

    /// The run's one-line summary: a faulted bot is reported as faulted (with its fault code and
    /// tick), never with the rank it was given after it stopped trading.
    static func header(_ report: RunReportView, _ t: Terminal) -> String {
        let run = "Run \(report.runId) (round \(report.round), heat \(report.heat))"
        guard let fault = report.fault else {
            return t.paint(
                "\(run): rank \(report.rankInRun)/\(report.teamsInRun), pnl \(report.pnl), trades \(report.trades)",
                .dim)
        }
        let tick = report.faultTick.map { " at tick \($0)" } ?? ""
        return t.paint("\(run): your bot faulted (\(fault))\(tick)", .red)
            + t.paint("; pnl \(report.pnl), trades \(report.trades) until then", .dim)
    }
}
