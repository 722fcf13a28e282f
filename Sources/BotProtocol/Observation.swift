/// host → bot, once per tick. The bot must answer with one `actions` message echoing `tick`.
public struct Observation: Codable, Sendable, Hashable {
    /// Tick id, strictly increasing from 1.
    public var tick: Int64
    /// Simulated time in milliseconds since the Unix epoch.
    public var timeMs: Int64
    public var markets: [MarketView]
    public var account: AccountView
    /// `true` on a decision point of a contest with models (`hello.llm`): the bot may ask the
    /// model (`llm_request`) and has the thinking deadline to answer; absent otherwise.
    public var decisionPoint: Bool? = nil

    /// Creates an observation.
    public init(tick: Int64, timeMs: Int64, markets: [MarketView], account: AccountView) {
        self.tick = tick
        self.timeMs = timeMs
        self.markets = markets
        self.account = account
    }

    enum CodingKeys: String, CodingKey {
        case tick
        case timeMs = "time_ms"
        case markets, account
        case decisionPoint = "decision_point"
    }
}
