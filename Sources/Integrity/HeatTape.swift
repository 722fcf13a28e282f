import AuditLog
import MarketEngine
import MarketModel

/// One run reduced to what the detectors read: its teams, every fill with a team on it valued
/// against the mark, each team's order flow, and each team's position changes per tick.
///
/// Built in one pass over the tick records, in record order; nothing depends on dictionary
/// order or on anything but the transcript.
struct HeatTape: Sendable {
    private(set) var runID: String
    /// Hex root of the transcript's hash chain (binds the report to the exact transcript).
    private(set) var root: String
    /// Tick records.
    private(set) var ticks: Int
    private(set) var instruments: [InstrumentSpec]
    /// Teams in slot order.
    private(set) var teams: [TapeTeam]
    /// Fills with at least one team on them, in transcript order.
    private(set) var fills: [TapeFill] = []
    /// Order flow by team index.
    private(set) var activity: [OrderActivity]
    /// Position change of each team per instrument and tick, in lots:
    /// `lotChanges[team][instrument * ticks + tick]`.
    private(set) var lotChanges: [[Int64]]
    /// The same changes valued with ``value(lots:at:)``.
    private(set) var changes: [[Int64]]
    /// The mark at the close of each tick: `closingMarks[instrument * ticks + tick]`.
    private(set) var closingMarks: [Int64]

    init(_ run: IntegrityRun) {
        let header = run.transcript.header
        runID = header.runID
        root = run.transcript.root.hex
        ticks = run.records.count
        instruments = run.configuration.instruments
        var accounts: [UInt32: TeamResult] = [:]
        for result in run.transcript.results.teams { accounts[result.slot] = result }
        teams = header.members.sorted { $0.slot < $1.slot }.map { member in
            let result = accounts[member.slot]
            let opened = result.flatMap { $0.account.rawValue == UInt32.max ? nil : $0.account }
            return TapeTeam(
                slot: member.slot, teamID: member.teamID, label: member.label, account: opened,
                pnl: result.map { $0.finalEquity.units &- $0.deposited.units } ?? 0)
        }
        activity = Array(repeating: OrderActivity(ticks: ticks, runs: 1), count: teams.count)
        lotChanges = Array(repeating: Array(repeating: 0, count: instruments.count * ticks), count: teams.count)
        changes = lotChanges
        closingMarks = Array(repeating: 0, count: instruments.count * ticks)
        var builder = Builder(tape: self, configuration: run.configuration)
        builder.read(run.records)
        self = builder.tape
        changes = lotChanges.map(values)
    }

    /// A position change of `lots` at `index` (`instrument * ticks + tick`) valued in whole USDT
    /// at that tick's closing mark, rounded toward zero; a change worth less than 1 USDT keeps its
    /// sign (±1), so every change counts.
    func value(lots: Int64, at index: Int) -> Int64 {
        guard lots != 0 else { return 0 }
        let spec = instruments[index / ticks]
        let value = FixedMath.value(ticks: closingMarks[index], lots: lots, tickLotValue: spec.tickLotValue)
        let whole = WideMath.clamp(value / Int128(Money.unitsPerCoin))
        return whole != 0 ? whole : (lots > 0 ? 1 : -1)
    }

    /// `lots` (a dense change series) valued with ``value(lots:at:)``.
    func values(_ lots: [Int64]) -> [Int64] {
        var out = Array(repeating: Int64(0), count: lots.count)
        for index in lots.indices where lots[index] != 0 { out[index] = value(lots: lots[index], at: index) }
        return out
    }

    /// The pass over the records.
    private struct Builder {
        var tape: HeatTape
        var teamOfAccount: [Int32]
        var teamOfSlot: [UInt32: Int] = [:]
        var marks: [Int64]
        var positions: [[Int64]]
        var settled: [[Int64]]
        var filledOrders: [Set<UInt64>]

        init(tape: HeatTape, configuration: MarketConfiguration) {
            self.tape = tape
            let highest = tape.teams.compactMap { $0.account.map { Int($0.rawValue) } }.max() ?? -1
            teamOfAccount = Array(repeating: -1, count: highest + 1)
            for (index, team) in tape.teams.enumerated() {
                teamOfSlot[team.slot] = index
                if let account = team.account { teamOfAccount[Int(account.rawValue)] = Int32(index) }
            }
            marks = configuration.instruments.indices.map { index in
                index < configuration.background.instruments.count
                    ? configuration.background.instruments[index].startPrice.ticks : 0
            }
            positions = Array(repeating: Array(repeating: 0, count: tape.instruments.count), count: tape.teams.count)
            settled = positions
            filledOrders = Array(repeating: [], count: tape.teams.count)
        }

        func team(_ account: AccountID) -> Int {
            let raw = Int(account.rawValue)
            return raw < teamOfAccount.count ? Int(teamOfAccount[raw]) : -1
        }

        mutating func read(_ records: [TickRecord]) {
            for (tick, record) in records.enumerated() {
                for input in record.inputs {
                    guard case .command(.bot(let slot), let command) = input, let index = teamOfSlot[slot] else {
                        continue
                    }
                    tape.activity[index].messages += 1
                    if case .placeOrder = command { tape.activity[index].ordersPlaced += 1 }
                }
                for event in record.events { read(event, tick: tick) }
                close(tick: tick)
            }
            for index in tape.teams.indices { tape.activity[index].ordersFilled = filledOrders[index].count }
        }

        mutating func read(_ event: MarketEvent, tick: Int) {
            switch event {
            case .priceUpdate(let instrument, _, let mark, _):
                let i = Int(instrument.rawValue)
                if i < marks.count { marks[i] = mark.ticks }
            case .trade(let trade):
                fill(trade, tick: tick)
            case .orderAccepted(_, let request):
                let index = team(request.account)
                if index >= 0 { tape.activity[index].ordersAccepted += 1 }
            case .orderRejected(let account, _, _):
                let index = team(account)
                if index >= 0 { tape.activity[index].ordersRejected += 1 }
            case .orderCancelled(let account, _, _, _, _, let reason):
                let index = team(account)
                if index >= 0, reason == .requested { tape.activity[index].ordersCancelled += 1 }
            case .liquidation(let account, let instrument, _, _, _, _):
                // Book fills arrived as trades and ADL as its own events; the rest went to the
                // fund. A liquidated position is closed completely.
                let index = team(account)
                if index >= 0 { positions[index][Int(instrument.rawValue)] = 0 }
            case .autoDeleverage(let account, let instrument, let quantity, _):
                let index = team(account)
                guard index >= 0 else { break }
                let i = Int(instrument.rawValue)
                let size = positions[index][i]
                positions[index][i] = size > 0 ? max(0, size - quantity.lots) : min(0, size + quantity.lots)
            default:
                break
            }
        }

        mutating func fill(_ trade: Trade, tick: Int) {
            let maker = team(trade.makerAccount)
            let taker = team(trade.takerAccount)
            guard maker >= 0 || taker >= 0 else { return }
            let i = Int(trade.instrument.rawValue)
            guard i < marks.count else { return }
            let makerBuys = trade.takerSide == .sell
            let buyer = makerBuys ? maker : taker
            let seller = makerBuys ? taker : maker
            tape.fills.append(
                TapeFill(
                    tick: tick, instrument: i, priceTicks: trade.price.ticks, lots: trade.quantity.lots,
                    markTicks: marks[i], buyer: buyer, seller: seller, buyerWasMaker: makerBuys))
            if buyer >= 0 { positions[buyer][i] += trade.quantity.lots }
            if seller >= 0 { positions[seller][i] -= trade.quantity.lots }
            if maker >= 0 { filledOrders[maker].insert(trade.makerOrder.rawValue) }
            if taker >= 0 { filledOrders[taker].insert(trade.takerOrder.rawValue) }
        }

        /// Records the closing marks and every position change of the tick.
        mutating func close(tick: Int) {
            let ticks = tape.ticks
            for i in tape.instruments.indices { tape.closingMarks[i * ticks + tick] = marks[i] }
            for index in tape.teams.indices {
                for i in tape.instruments.indices where positions[index][i] != settled[index][i] {
                    tape.lotChanges[index][i * ticks + tick] = positions[index][i] - settled[index][i]
                    settled[index][i] = positions[index][i]
                }
            }
        }
    }
}
