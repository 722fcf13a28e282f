public import MarketEngine
public import MarketModel
import Scoring

/// Derives ``RunResults`` from a run's inputs and events. The runner (through ``RunRecorder``) and
/// the verifier use this same code, so recorded and recomputed results agree bit for bit when
/// the events do.
///
/// A team's account is the one opened by the first `openAccount` whose origin names the team's
/// slot. Fees, funding, realised PnL, liquidations, fills and volume are summed from events;
/// balance and equity come from the engine at the end; teams are scored and ordered by the heat
/// ranking (``Scoring/HeatRanking``). Equity-curve metrics (drawdown, Sharpe) are computed from
/// per-tick equity by ``Scoring/EquityMetrics`` (see ``TranscriptVerifierConfiguration/equityCurves``).
public struct ResultsCalculator: Sendable {
    private var teams: [TeamResult]
    private var slotIndex: [UInt32: Int] = [:]
    /// Team index per account id (dense: account ids are small consecutive integers); -1 for none.
    private var teamOfAccount: [Int32] = []
    private let instruments: [InstrumentSpec]

    /// Starts with every member of the heat and no account.
    public init(members: [HeatMember], configuration: MarketConfiguration) {
        teams = members.map {
            TeamResult(slot: $0.slot, teamID: $0.teamID, label: $0.label, account: AccountID(UInt32.max))
        }
        for (index, member) in members.enumerated() { slotIndex[member.slot] = index }
        instruments = configuration.instruments
    }

    /// Each member's account, in member order (`nil` until its first `openAccount` succeeded).
    public var accounts: [AccountID?] {
        teams.map { $0.account.rawValue == UInt32.max ? nil : $0.account }
    }

    /// Accounts for one input and the events its `apply` produced (empty for non-command inputs).
    public mutating func observe(_ input: TickInput, events: ArraySlice<MarketEvent>) {
        switch input {
        case .command(let origin, let command):
            if case .openAccount = command, let slot = origin.slot, let index = slotIndex[slot],
                teams[index].account.rawValue == UInt32.max
            {
                for case .accountOpened(let account, _) in events {
                    teams[index].account = account
                    let id = Int(account.rawValue)
                    if id >= teamOfAccount.count {
                        teamOfAccount += Array(repeating: -1, count: id + 1 - teamOfAccount.count)
                    }
                    teamOfAccount[id] = Int32(index)
                    break
                }
            }
            observe(events)
        case .timeout(let slot, _):
            if let index = slotIndex[slot] { teams[index].strikes += 1 }
        case .fault(let slot, _, _):
            if let index = slotIndex[slot] { teams[index].faulted = true }
        case .botRejected, .decision, .modelExchange:
            break
        }
    }

    /// Accounts for events not caused by an input (those of `advance()`).
    public mutating func observe(_ events: ArraySlice<MarketEvent>) {
        guard !teamOfAccount.isEmpty else { return }
        for event in events {
            switch event {
            case .accountOpened(let account, let deposit):
                if let index = team(account) { teams[index].deposited += deposit }
            case .deposited(let account, let amount):
                if let index = team(account) { teams[index].deposited += amount }
            case .trade(let trade):
                let notional = instruments[Int(trade.instrument.rawValue)].notional(
                    price: trade.price, quantity: trade.quantity)
                if let index = team(trade.makerAccount) {
                    teams[index].feesPaid += trade.makerFee
                    teams[index].trades += 1
                    teams[index].volume += notional
                }
                if let index = team(trade.takerAccount) {
                    teams[index].feesPaid += trade.takerFee
                    teams[index].trades += 1
                    teams[index].volume += notional
                }
            case .funding(let account, _, _, let amount):
                if let index = team(account) { teams[index].fundingReceived += amount }
            case .liquidation(let account, _, _, _, _, _):
                if let index = team(account) { teams[index].liquidations += 1 }
            case .realizedPnL(let account, _, let amount):
                if let index = team(account) { teams[index].realizedPnL += amount }
            default:
                break
            }
        }
    }

    private func team(_ account: AccountID) -> Int? {
        let id = Int(account.rawValue)
        guard id < teamOfAccount.count else { return nil }
        let index = teamOfAccount[id]
        return index < 0 ? nil : Int(index)
    }

    /// The final results: balances and equity from `exchange`, then scored and ranked.
    public func results(_ exchange: Exchange, tickCount: Int64) -> RunResults {
        var final = teams
        for index in final.indices {
            guard let snapshot = exchange.account(final[index].account) else { continue }
            final[index].finalBalance = snapshot.balance
            final[index].finalEquity = snapshot.equity
        }
        return RunResults(tickCount: tickCount, finalStateHash: exchange.stateHash(), teams: HeatRanking.rank(final))
    }
}
