/// What a validation episode decided about one bot: the platform's single answer to "does this
/// bundle work?", shared by `arena check`, the server's validation job and the ranking heats.
public struct ValidationVerdict: Sendable, Hashable, Codable {
    /// `passed`, the worker's fault code (`crashed`, `deadline_strikes`, `protocol_violation`, …),
    /// or `no_activity` when the contest requires orders and the bot placed none.
    public static let passedCode = "passed"
    /// The code of a bot that placed no accepted order when the contest requires activity.
    public static let noActivityCode = "no_activity"

    /// The bot may be ranked.
    public var passed: Bool
    /// `passed` or why not (see the constants and ``Sandbox/FaultReason``).
    public var code: String
    /// One line for the team: the Python error and line, the fault and its tick, or what passed.
    public var reason: String
    /// Ticks the practice market ran.
    public var ticks: Int
    /// The practice seed.
    public var seed: UInt64
    /// Orders of the bot the exchange accepted.
    public var ordersAccepted: Int
    /// Fills of the bot, as maker or taker.
    public var trades: Int
    /// The tick of the fault, when there was one.
    public var faultTick: Int64?
    /// The end of the bot's log lines and stderr (capped), bundle paths shown as `/bot`.
    public var logTail: String

    /// Creates a verdict.
    public init(
        passed: Bool, code: String, reason: String, ticks: Int, seed: UInt64, ordersAccepted: Int, trades: Int,
        faultTick: Int64? = nil, logTail: String = ""
    ) {
        self.passed = passed
        self.code = code
        self.reason = reason
        self.ticks = ticks
        self.seed = seed
        self.ordersAccepted = ordersAccepted
        self.trades = trades
        self.faultTick = faultTick
        self.logTail = logTail
    }

    /// The report stored with the submission and printed by `arena check`: the reason, then the
    /// log tail when the bot was rejected.
    public var report: String {
        let head = "validation episode (\(ticks) practice ticks, seed \(seed)): " + reason
        guard !passed, !logTail.isEmpty else { return head }
        return head + "\n--- log tail ---\n" + logTail
    }
}
