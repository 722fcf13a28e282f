import AuditLog
import ContestModel
import HeatRunner
import MarketModel
import Sandbox
import Scoring

/// What `arena backtest` prints (`--json` shape): the run's settings and each bundle's numbers.
/// Deterministic: the same bundles, contest and seed give the same report.
struct BacktestReport: Codable, Sendable {
    /// One bundle's outcome.
    struct Team: Codable, Sendable {
        var slot: Int
        var name: String
        var directory: String
        var runtime: String
        var rank: Int
        var finalEquity: String
        var pnl: String
        var returnPercent: String
        var sharpe: String
        var maxDrawdown: String
        var trades: Int
        var fees: String
        var funding: String
        var liquidations: Int
        var strikes: Int
        var fault: String?
        var faultTick: Int64?
        var logLines: [String]
        /// End-of-tick equity, starting with the deposit.
        var equity: [String]
        /// Engine ticks at which the bot had at least one fill (tick `t` ends at `equity[t + 1]`).
        var fillTicks: [Int64]
    }

    var contest: String
    var seed: UInt64
    var ticks: Int
    var instruments: [String]
    var transcriptRoot: String
    var teams: [Team]

    init(outcome: HeatOutcome, spec: HeatSpec, directories: [Int: String], fills: [Int: [Int64]] = [:]) {
        contest = spec.contest.id
        seed = spec.seed
        ticks = outcome.transcript.tickCount
        instruments = spec.contest.market.instruments
        transcriptRoot = outcome.transcript.root.description
        teams = spec.entries.map { entry in
            let result = outcome.transcript.results.teams.first { Int($0.slot) == entry.slot }
            let curve = outcome.equityCurves[entry.slot] ?? []
            let metrics = EquityMetrics(curve: curve)
            let report = outcome.reports[entry.slot]
            return Team(
                slot: entry.slot, name: entry.label, directory: directories[entry.slot] ?? "",
                runtime: Self.runtime(entry, outcome.transcript.header), rank: result?.rank ?? 0,
                finalEquity: metrics.final.decimal,
                pnl: metrics.pnl.decimal, returnPercent: Format.percent(bps: metrics.returnBps),
                sharpe: Format.milli(metrics.sharpeMilli), maxDrawdown: metrics.maxDrawdown.decimal,
                trades: result?.trades ?? 0, fees: (result?.feesPaid ?? .zero).decimal,
                funding: (result?.fundingReceived ?? .zero).decimal, liquidations: result?.liquidations ?? 0,
                strikes: report?.strikes ?? 0, fault: report?.fault.map { "\($0.reason)" },
                faultTick: report?.fault?.tick,
                logLines: (report?.logLines ?? [])
                    + (report?.stderrTail.isEmpty == false ? ["--- stderr ---", report!.stderrTail] : []),
                equity: curve.map(\.decimal), fillTicks: fills[entry.slot] ?? [])
        }
    }

    /// The runtime as recorded in the transcript header: its name and, for installed runtimes
    /// such as python-ml, the lock hash (`python-ml (lock sha256 …)`).
    static func runtime(_ entry: HeatSpec.Entry, _ header: TranscriptHeader) -> String {
        header.runtimes.first { Int($0.slot) == entry.slot }?.summary ?? entry.runtimeName
    }
}
