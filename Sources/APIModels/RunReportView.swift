/// A team's own report for one run: its numbers, fault (if any) and its bot's captured logs.
public struct RunReportView: Codable, Sendable, Equatable {
    public var runId: Int64
    public var contestId: String
    public var status: String
    public var round: Int
    public var heat: Int
    public var rankInRun: Int
    public var teamsInRun: Int
    public var finalEquity: String
    public var pnl: String
    public var fees: String
    public var funding: String
    public var trades: Int
    public var liquidations: Int
    public var maxDrawdown: String
    public var fault: String?
    public var faultTick: Int64?
    public var logs: String
    /// The integrity section, present when the team is flagged in its evaluation's report.
    public var integrity: RunIntegrityView?
    /// The runtime the team's bot ran in (`python-ml`, `rules`, …), from the transcript header.
    public var runtime: String?
    /// SHA-256 of the runtime's lock file, for runtimes built from one (`python-ml`).
    public var runtimeLockSha256: String?
    /// The decisions the bot attached to its orders (docs/BOT-PROTOCOL.md, "decision"), oldest
    /// first; at most the first 2,000 (the transcript has them all).
    public var decisions: [DecisionView]?

    public init(
        runId: Int64, contestId: String, status: String, round: Int, heat: Int, rankInRun: Int,
        teamsInRun: Int, finalEquity: String, pnl: String, fees: String, funding: String, trades: Int,
        liquidations: Int, maxDrawdown: String, fault: String?, faultTick: Int64?, logs: String,
        integrity: RunIntegrityView? = nil
    ) {
        self.runId = runId
        self.contestId = contestId
        self.status = status
        self.round = round
        self.heat = heat
        self.rankInRun = rankInRun
        self.teamsInRun = teamsInRun
        self.finalEquity = finalEquity
        self.pnl = pnl
        self.fees = fees
        self.funding = funding
        self.trades = trades
        self.liquidations = liquidations
        self.maxDrawdown = maxDrawdown
        self.fault = fault
        self.faultTick = faultTick
        self.logs = logs
        self.integrity = integrity
    }
}
