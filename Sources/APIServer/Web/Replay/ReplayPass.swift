import AuditLog
import MarketEngine
import MarketModel

/// One pass over the tick records: re-applies every recorded command to a fresh engine
/// (comparing its events with the recorded ones) and samples what the viewer draws.
struct ReplayPass {
    let limits: ReplayLimits
    let members: [HeatMember]
    private(set) var instruments: [ReplayInstrument]
    private(set) var fills = ReplayFills()
    private(set) var positions = ReplayPositions()
    private(set) var funding = ReplayFunding()
    private(set) var incidents: [ReplayIncident] = []
    private(set) var truncated = false
    /// The first tick whose re-produced events differ from the recorded ones.
    private(set) var mismatchTick: Int64?
    private(set) var eventCount = 0
    /// Equity and positions are sampled after every `stride`-th tick record (an account
    /// valuation per team per sample is the expensive part of a replay).
    let stride: Int
    private var recordIndex = 0
    private var equity: [[Int64]]
    private var exchange: Exchange
    private let specs: [InstrumentSpec]
    /// Team account → member index (from the trailer's results).
    private var memberOfAccount: [AccountID: Int] = [:]
    private var accountOfMember: [AccountID?]
    private var held: [[Int64]]
    private var marks: [Int64]
    private var indexes: [Int64]
    private var lasts: [Int64]

    init(transcript: Transcript, market: MarketConfiguration, limits: ReplayLimits, ticks: Int) {
        self.limits = limits
        members = transcript.header.members
        let samples = ticks * max(1, members.count)
        stride = max(1, (samples + limits.equitySamples - 1) / limits.equitySamples)
        specs = market.instruments
        exchange = Exchange(configuration: market, seed: transcript.header.seed)
        instruments = market.instruments.map {
            ReplayInstrument(
                symbol: $0.symbol, tickSize: $0.tickSize.decimal, lotsPerCoin: $0.lotsPerCoin, mark: [], index: [],
                last: [], bookBidPrice: [], bookBidQuantity: [], bookAskPrice: [], bookAskQuantity: [])
        }
        equity = Array(repeating: [], count: members.count)
        accountOfMember = Array(repeating: nil, count: members.count)
        held = Array(repeating: Array(repeating: 0, count: market.instruments.count), count: members.count)
        marks = Array(repeating: 0, count: market.instruments.count)
        indexes = marks
        lasts = marks
        let slotIndex = Dictionary(members.enumerated().map { (Int($0.element.slot), $0.offset) }) { a, _ in a }
        for team in transcript.results.teams {
            guard let index = slotIndex[Int(team.slot)] else { continue }
            memberOfAccount[team.account] = index
            accountOfMember[index] = team.account
        }
    }

    mutating func run(_ records: [TickRecord]) {
        var produced: [MarketEvent] = []
        produced.reserveCapacity(4096)
        for record in records {
            produced.removeAll(keepingCapacity: true)
            for input in record.inputs {
                switch input {
                case .command(_, let command): exchange.apply(command, into: &produced)
                case .fault(let slot, let code, let message):
                    note(record.tick, slot: Int(slot), "fault", "\(code): \(message)")
                case .timeout(let slot, let strikes):
                    note(record.tick, slot: Int(slot), "timeout", "no answer in time (strike \(strikes))")
                case .botRejected, .decision, .modelExchange: break
                }
            }
            exchange.advance(into: &produced)
            if mismatchTick == nil, produced != record.events { mismatchTick = record.tick }
            eventCount += record.events.count
            for event in record.events { observe(event, tick: record.tick) }
            sample(tick: record.tick)
            recordIndex += 1
        }
    }

    /// The teams with their sampled equity and the trailer's results.
    func teams(results: RunResults) -> [ReplayTeam] {
        members.enumerated().map { index, member in
            let result = results.teams.first { $0.slot == member.slot }
            return ReplayTeam(
                slot: Int(member.slot), teamId: member.teamID, label: member.label,
                submissionSha256: member.submissionHash, equityCents: equity[index],
                finalEquity: result?.finalEquity.decimal ?? "0",
                pnl: result.map { ($0.finalEquity - $0.deposited).decimal } ?? "0",
                fees: result?.feesPaid.decimal ?? "0", trades: result?.trades ?? 0,
                liquidations: result?.liquidations ?? 0, fault: result?.faulted == true ? "faulted" : nil)
        }
    }

    private mutating func observe(_ event: MarketEvent, tick: Int64) {
        switch event {
        case .priceUpdate(let instrument, let index, let mark, _):
            guard Int(instrument.rawValue) < marks.count else { return }
            marks[Int(instrument.rawValue)] = mark.ticks
            indexes[Int(instrument.rawValue)] = index.ticks
        case .trade(let trade):
            if Int(trade.instrument.rawValue) < lasts.count {
                lasts[Int(trade.instrument.rawValue)] = trade.price.ticks
            }
            let takerSide = trade.takerSide == .buy ? 1 : -1
            fill(trade, account: trade.takerAccount, side: takerSide, maker: false, tick: tick)
            fill(trade, account: trade.makerAccount, side: -takerSide, maker: true, tick: tick)
        case .funding(let account, let instrument, _, let amount):
            guard let member = memberOfAccount[account], room(funding.count) else { return }
            funding.tick.append(tick)
            funding.slot.append(Int(members[member].slot))
            funding.instrument.append(Int(instrument.rawValue))
            funding.amountUnits.append(amount.units)
        case .liquidation(let account, let instrument, let quantity, let bankruptcy, let bookFilled, let fund):
            note(
                tick, slot: slot(account), "liquidation",
                "\(symbol(instrument)): \(quantity.lots) lots at bankruptcy price \(price(bankruptcy, instrument))"
                    + " (\(bookFilled.lots) to the book, \(fund.lots) to the insurance fund)")
        case .autoDeleverage(let account, let instrument, let quantity, let at):
            note(
                tick, slot: slot(account), "adl",
                "\(symbol(instrument)): \(quantity.lots) lots auto-deleveraged at \(price(at, instrument))")
        default: break
        }
    }

    private mutating func fill(_ trade: Trade, account: AccountID, side: Int, maker: Bool, tick: Int64) {
        guard let member = memberOfAccount[account], room(fills.count) else { return }
        fills.append(
            tick: tick, slot: Int(members[member].slot), instrument: Int(trade.instrument.rawValue), side: side,
            price: trade.price.ticks, quantity: trade.quantity.lots, maker: maker)
    }

    /// Samples prices after every tick; depth, equity and positions after every `stride`-th.
    private mutating func sample(tick: Int64) {
        for i in instruments.indices {
            instruments[i].mark.append(marks[i])
            instruments[i].index.append(indexes[i])
            instruments[i].last.append(lasts[i])
            guard recordIndex % stride == 0 else { continue }
            let book = exchange.book(InstrumentID(UInt16(i)), depth: limits.bookDepth)
            for level in 0..<limits.bookDepth {
                let bid = level < book.bids.count ? book.bids[level] : nil
                let ask = level < book.asks.count ? book.asks[level] : nil
                instruments[i].bookBidPrice.append(bid?.price.ticks ?? 0)
                instruments[i].bookBidQuantity.append(bid?.quantity.lots ?? 0)
                instruments[i].bookAskPrice.append(ask?.price.ticks ?? 0)
                instruments[i].bookAskQuantity.append(ask?.quantity.lots ?? 0)
            }
        }
        guard recordIndex % stride == 0 else { return }
        for member in members.indices {
            guard let account = accountOfMember[member], let snapshot = exchange.account(account) else {
                equity[member].append(0)
                continue
            }
            equity[member].append(snapshot.equity.units / 1_000_000)
            var now = Array(repeating: Int64(0), count: specs.count)
            for position in snapshot.positions where Int(position.instrument.rawValue) < now.count {
                now[Int(position.instrument.rawValue)] = position.size.lots
            }
            for i in now.indices where now[i] != held[member][i] && room(positions.count) {
                positions.tick.append(tick)
                positions.slot.append(Int(members[member].slot))
                positions.instrument.append(i)
                positions.size.append(now[i])
                held[member][i] = now[i]
            }
        }
    }

    private mutating func note(_ tick: Int64, slot: Int?, _ kind: String, _ detail: String) {
        guard incidents.count < limits.incidents else {
            truncated = true
            return
        }
        incidents.append(ReplayIncident(tick: tick, slot: slot, kind: kind, detail: String(detail.prefix(500))))
    }

    private mutating func room(_ count: Int) -> Bool {
        if count < limits.entries { return true }
        truncated = true
        return false
    }

    private func slot(_ account: AccountID) -> Int? { memberOfAccount[account].map { Int(members[$0].slot) } }

    private func symbol(_ instrument: InstrumentID) -> String {
        Int(instrument.rawValue) < specs.count
            ? specs[Int(instrument.rawValue)].symbol : "instrument \(instrument.rawValue)"
    }

    private func price(_ price: Price, _ instrument: InstrumentID) -> String {
        guard Int(instrument.rawValue) < specs.count else { return "\(price.ticks) ticks" }
        return Money(units: price.ticks &* specs[Int(instrument.rawValue)].tickSize.units).decimal
    }
}
