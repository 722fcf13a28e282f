/// host → bot, once before the first tick: who you are, what you trade, and the limits.
public struct Hello: Codable, Sendable, Hashable {
    /// Always `ProtocolVersion.current` when sent by this host.
    public var protocolVersion: Int
    public var contestID: String
    /// The team's display label.
    public var team: String
    public var instruments: [InstrumentInfo]
    public var limits: ProtocolLimits
    /// Starting wallet balance in USDT, decimal string.
    public var startingBalance: String
    /// Number of observations the bot will receive (ticks 1…ticksTotal).
    public var ticksTotal: Int
    /// The contest's model terms (absent when the contest offers no model).
    public var llm: LLMInfo?
    /// `true` when the contest refuses orders without a `decision` (`decisions: {required: true}`);
    /// absent otherwise. Hosts that build decisions themselves (the rules hosts) send them only then.
    public var decisionsRequired: Bool?

    /// Creates a hello message.
    public init(
        protocolVersion: Int = ProtocolVersion.current, contestID: String, team: String,
        instruments: [InstrumentInfo], limits: ProtocolLimits, startingBalance: String, ticksTotal: Int
    ) {
        self.protocolVersion = protocolVersion
        self.contestID = contestID
        self.team = team
        self.instruments = instruments
        self.limits = limits
        self.startingBalance = startingBalance
        self.ticksTotal = ticksTotal
    }

    enum CodingKeys: String, CodingKey {
        case protocolVersion = "protocol_version"
        case contestID = "contest_id"
        case team
        case instruments
        case limits
        case startingBalance = "starting_balance"
        case ticksTotal = "ticks_total"
        case llm
        case decisionsRequired = "decisions_required"
    }
}
