/// The human-readable backtest summary.
struct BacktestPrinter {
    let terminal: Terminal
    let showLogs: Bool

    func print(_ report: BacktestReport) {
        let t = terminal
        Console.out(
            "Backtest: contest \(report.contest), seed \(report.seed), \(report.ticks) ticks, \(report.instruments.joined(separator: ", "))"
        )
        var table = Table(
            [
                "RANK", "BOT", "RUNTIME", "EQUITY", "PNL", "RETURN", "SHARPE", "MAX DD", "TRADES", "FEES",
                "FUNDING", "LIQ", "FAULT",
            ],
            alignments: [
                .right, .left, .left, .right, .right, .right, .right, .right, .right, .right,
                .right, .right, .left,
            ])
        for team in report.teams.sorted(by: { ($0.rank, $0.slot) < ($1.rank, $1.slot) }) {
            table.add([
                "\(team.rank)", team.name, team.runtime, Format.decimal(team.finalEquity),
                t.signed(Format.decimal(team.pnl)), team.returnPercent, team.sharpe,
                Format.decimal(team.maxDrawdown), "\(team.trades)", Format.decimal(team.fees),
                Format.decimal(team.funding), "\(team.liquidations)",
                team.fault.map { t.paint("\($0) @\(team.faultTick ?? 0)", .red) } ?? "",
            ])
        }
        Console.out(table.render(t))
        if t.interactive {
            for team in report.teams {
                let line = Charts.sparkline(team.equity.map { Double($0) ?? 0 })
                Console.out("\(team.name): \(t.paint(line, team.pnl.hasPrefix("-") ? .red : .green))")
            }
        }
        Console.out("Transcript root: \(report.transcriptRoot)")
        if showLogs {
            for team in report.teams {
                Console.out("\n--- \(team.name) logs (\(team.logLines.count) lines) ---")
                for line in team.logLines { Console.out(line) }
            }
        } else if report.teams.contains(where: { !$0.logLines.isEmpty }) {
            Console.out(t.paint("Bot logs: add --logs.", .dim))
        }
    }
}
