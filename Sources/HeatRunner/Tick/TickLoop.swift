import AuditLog
import BotProtocol
import ContestModel
import Logging
import MarketEngine
import MarketModel
import Metrics
import Sandbox
import Scoring

/// The tick loop of one heat: observations out, actions back, commands into the engine in a
/// seeded order, faults closed out, everything recorded.
struct TickLoop {
    var recorder: RunRecorder
    let workers: any Workers
    let spec: HeatSpec
    let market: MarketConfiguration
    let deposit: Money
    let ticks: Int
    let logger: Logger
    private let builder: ObservationBuilder
    private let mapper: ActionMapper
    private var accounts: [Int: AccountID] = [:]
    /// The bots' accounts, for routing events (house accounts get no observations).
    private var teamAccounts: Set<AccountID> = []
    private var pending: [AccountID: [MarketEvent]] = [:]
    private var boundaryRejections: [Int: [RejectionView]] = [:]
    private var alive: Set<Int> = []
    private var curves: [Int: [Money]] = [:]

    init(
        recorder: RunRecorder, workers: any Workers, spec: HeatSpec, market: MarketConfiguration, deposit: Money,
        ticks: Int, logger: Logger
    ) {
        self.recorder = recorder
        self.workers = workers
        self.spec = spec
        self.market = market
        self.deposit = deposit
        self.ticks = ticks
        self.logger = logger
        self.builder = ObservationBuilder(instruments: market.instruments, bookDepth: 10)
        self.mapper = ActionMapper(instruments: market.instruments)
    }

    mutating func run(shouldStop: () -> Bool, progress: (Int, Int) -> Void) throws(HeatError) -> (
        RunRecorder, [Int: WorkerReport], [Int: [Money]]
    ) {
        let slots = spec.entries.map(\.slot).sorted()
        for slot in slots {
            for event in recorder.apply(.openAccount(deposit: deposit), origin: .system(slot: UInt32(slot))) {
                if case .accountOpened(let account, _) = event {
                    accounts[slot] = account
                    teamAccounts.insert(account)
                }
            }
            curves[slot] = [deposit]
        }
        let limits = ProtocolLimits(
            tickDeadlineMs: spec.contest.limits.tickDeadlineMilliseconds,
            maxActionsPerTick: spec.contest.limits.maxActionsPerTick)
        var hellos: [Int: Hello] = [:]
        for entry in spec.entries {
            hellos[entry.slot] = builder.hello(
                contestId: spec.contest.id, team: entry.label, limits: limits,
                startingBalance: deposit, ticks: ticks)
        }
        alive = Set(slots)
        handle(workers.start(hello: hellos))
        for tick in 0..<ticks {
            if shouldStop() {
                _ = workers.finish(end: [:])
                throw HeatError(.cancelled, "the runner is shutting down")
            }
            step()
            progress(tick + 1, ticks)
        }
        var ends: [Int: End] = [:]
        for slot in slots {
            let equity = accounts[slot].flatMap { recorder.exchange.account($0)?.equity } ?? .zero
            ends[slot] = End(reason: "finished", finalEquity: equity.decimal)
        }
        let reports = workers.finish(end: ends)
        return (recorder, reports, curves)
    }

    /// Builds every live bot's observation. A separate method so the read-only view of the engine
    /// is released before the recorder mutates it (a live copy would force a full copy-on-write).
    private func observations() -> (tick: Int64, observations: [Int: Observation]) {
        let exchange = recorder.exchange
        let tick = exchange.tick
        let markets = builder.markets(exchange)
        var observations: [Int: Observation] = [:]
        for slot in alive.sorted() {
            guard let account = accounts[slot] else { continue }
            observations[slot] = builder.observation(
                tick: tick, timeMs: tick * market.tickMilliseconds, markets: markets, exchange: exchange,
                account: account, events: pending[account] ?? [], boundaryRejections: boundaryRejections[slot] ?? [])
        }
        return (tick, observations)
    }

    private mutating func step() {
        let (tick, observations) = observations()
        pending.removeAll(keepingCapacity: true)
        boundaryRejections.removeAll(keepingCapacity: true)
        let replies = observations.isEmpty ? [:] : workers.exchange(observations)
        for slot in Self.processingOrder(replies.keys, seed: spec.seed, tick: tick) {
            guard let reply = replies[slot] else { continue }
            handle(slot: slot, reply)
        }
        route(recorder.advance())
        for slot in spec.entries.map(\.slot) {
            let equity = accounts[slot].flatMap { recorder.exchange.account($0)?.equity } ?? .zero
            curves[slot, default: []].append(equity)
        }
    }

    /// The seeded order in which bots' actions are applied this tick: each slot gets a
    /// pseudo-random key from (seed, tick, slot), so the order never depends on arrival time and
    /// the relative order of two teams does not change when other teams join the heat.
    static func processingOrder(_ slots: some Sequence<Int>, seed: UInt64, tick: Int64) -> [Int] {
        func key(_ slot: Int) -> UInt64 {
            var generator = SplitMix64(
                seed: seed ^ (UInt64(bitPattern: tick) &* 0x9E37_79B9_7F4A_7C15)
                    ^ (UInt64(slot) &* 0xC2B2_AE3D_27D4_EB4F))
            return generator.next()
        }
        return slots.map { ($0, key($0)) }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
    }

    private mutating func handle(_ results: [Int: WorkerTickResult]) {
        for slot in results.keys.sorted() {
            if let result = results[slot] { handle(slot: slot, result) }
        }
    }

    private mutating func handle(slot: Int, _ result: WorkerTickResult) {
        guard let account = accounts[slot] else { return }
        switch result {
        case .actions(let actions, _):
            for action in actions {
                switch mapper.map(action, account: account) {
                case .command(let command):
                    route(recorder.apply(command, origin: .bot(slot: UInt32(slot))))
                case .rejected(let tag, let reason):
                    recorder.record(.botRejected(slot: UInt32(slot), clientTag: tag, reason: reason))
                    boundaryRejections[slot, default: []].append(
                        RejectionView(clientID: tag == 0 ? nil : tag, reason: reason))
                }
            }
        case .missed(let strikes):
            recorder.record(.timeout(slot: UInt32(slot), strikes: UInt32(strikes)))
        case .faulted(let reason):
            guard alive.remove(slot) != nil else { return }
            logger.info("bot faulted", metadata: ["slot": "\(slot)", "reason": "\(reason.code)"])
            Counter(label: "arena_worker_faults_total", dimensions: [("reason", reason.code)]).increment()
            recorder.record(.fault(slot: UInt32(slot), code: reason.code, message: String(reason.detail.prefix(300))))
            route(recorder.apply(.closeOut(account: account), origin: .system(slot: UInt32(slot))))
        }
    }

    private mutating func route(_ events: ArraySlice<MarketEvent>) {
        for event in events {
            for account in Self.accounts(of: event) where teamAccounts.contains(account) {
                pending[account, default: []].append(event)
            }
        }
    }

    private static func accounts(of event: MarketEvent) -> [AccountID] {
        switch event {
        case .trade(let trade):
            return trade.makerAccount == trade.takerAccount
                ? [trade.makerAccount] : [trade.makerAccount, trade.takerAccount]
        case .orderRejected(let account, _, _), .orderCancelled(let account, _, _, _, _, _),
            .funding(let account, _, _, _), .liquidation(let account, _, _, _, _, _),
            .autoDeleverage(let account, _, _, _), .realizedPnL(let account, _, _), .leverageSet(let account, _, _),
            .marginModeSet(let account, _, _), .deposited(let account, _), .accountOpened(let account, _):
            return [account]
        case .orderAccepted(_, let request): return [request.account]
        default: return []
        }
    }
}
            // The reply's decision goes into the transcript before its orders (hash-chained).
            let decision = DecisionGate.record(workers.decision(of: slot), actions: actions)
            if let decision { recorder.record(.decision(slot: UInt32(slot), decision, digest: decision.digest)) }
            let gate = DecisionGate(required: spec.contest.decisionsRequired)
                if let reason = gate.refusal(action, decision: decision) {
                    let tag: UInt64 = if case .place(let order) = action { order.clientID ?? 0 } else { 0 }
                    recorder.record(.botRejected(slot: UInt32(slot), clientTag: tag, reason: reason))
                    boundaryRejections[slot, default: []].append(
                        RejectionView(clientID: tag == 0 ? nil : tag, reason: reason))
                    continue
                }
