public import MarketModel

/// One team's audited outcome of a run. Money amounts are in 1e-8 USDT units.
public struct TeamResult: Hashable, Sendable, Codable {
    /// Heat slot.
    public var slot: UInt32
    /// Team id.
    public var teamID: String
    /// Team label (tie-breaker).
    public var label: String
    /// The team's engine account.
    public var account: AccountID
    /// Total deposited: the opening deposit plus later deposits.
    public var deposited: Money
    /// Wallet balance at the end.
    public var finalBalance: Money
    /// Equity (balance + unrealised PnL at mark) at the end.
    public var finalEquity: Money
    /// Sum of `realizedPnL` events.
    public var realizedPnL: Money
    /// Trading fees paid (negative when maker rebates exceed them).
    public var feesPaid: Money
    /// Net funding received (negative when paid).
    public var fundingReceived: Money
    /// Number of liquidation events.
    public var liquidations: Int
    /// Number of fills, as maker or taker.
    public var trades: Int
    /// Traded notional.
    public var volume: Money
    /// Timeouts recorded.
    public var strikes: Int
    /// Whether the bot faulted during the run.
    public var faulted: Bool
    /// Score in the heat (see ``Scoring/HeatRanking``).
    public var score: Money
    /// 1-based rank.
    public var rank: Int

    /// Creates a result; `score` and `rank` are filled in by ``Scoring/HeatRanking/rank(_:)``.
    public init(
        slot: UInt32, teamID: String, label: String, account: AccountID, deposited: Money = .zero,
        finalBalance: Money = .zero, finalEquity: Money = .zero, realizedPnL: Money = .zero, feesPaid: Money = .zero,
        fundingReceived: Money = .zero, liquidations: Int = 0, trades: Int = 0, volume: Money = .zero,
        strikes: Int = 0, faulted: Bool = false, score: Money = .zero, rank: Int = 0
    ) {
        self.slot = slot
        self.teamID = teamID
        self.label = label
        self.account = account
        self.deposited = deposited
        self.finalBalance = finalBalance
        self.finalEquity = finalEquity
        self.realizedPnL = realizedPnL
        self.feesPaid = feesPaid
        self.fundingReceived = fundingReceived
        self.liquidations = liquidations
        self.trades = trades
        self.volume = volume
        self.strikes = strikes
        self.faulted = faulted
        self.score = score
        self.rank = rank
    }
}

extension CanonicalWriter {
    /// Writes a team result, fields in declaration order.
    public mutating func write(_ result: TeamResult) {
        write(unsigned: UInt64(result.slot))
        write(string: result.teamID)
        write(string: result.label)
        write(result.account)
        for money in [
            result.deposited, result.finalBalance, result.finalEquity, result.realizedPnL, result.feesPaid,
            result.fundingReceived,
        ] {
            write(signed: money.units)
        }
        write(signed: Int64(result.liquidations))
        write(signed: Int64(result.trades))
        write(signed: result.volume.units)
        write(signed: Int64(result.strikes))
        write(bool: result.faulted)
        write(signed: result.score.units)
        write(signed: Int64(result.rank))
    }
}

extension CanonicalReader {
    /// Reads a team result.
    public mutating func readTeamResult() throws(TranscriptError) -> TeamResult {
        var result = TeamResult(
            slot: try readUnsigned(as: UInt32.self), teamID: try readString(), label: try readString(),
            account: try readAccount())
        result.deposited = Money(units: try readSigned())
        result.finalBalance = Money(units: try readSigned())
        result.finalEquity = Money(units: try readSigned())
        result.realizedPnL = Money(units: try readSigned())
        result.feesPaid = Money(units: try readSigned())
        result.fundingReceived = Money(units: try readSigned())
        result.liquidations = Int(try readSigned())
        result.trades = Int(try readSigned())
        result.volume = Money(units: try readSigned())
        result.strikes = Int(try readSigned())
        result.faulted = try readBool()
        result.score = Money(units: try readSigned())
        result.rank = Int(try readSigned())
        return result
    }
}
