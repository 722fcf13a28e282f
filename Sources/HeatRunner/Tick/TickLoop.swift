import AuditLog
import BotProtocol
import ContestModel
import Logging
import MarketEngine
import MarketModel
import Metrics
import RulesHost
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
    /// `rules` strategies evaluated in this process (nil: every bot is one of `workers`).
    private let rules: InProcessRules?
    /// `workers` when they take observations already encoded (the shared market prefix is then
    /// encoded once per tick); nil for workers that want `Observation` values (tests).
    private let encodedWorkers: (any EncodedObservationWorkers)?
    /// Threads the heat may use for the in-process strategies and per-bot observation work.
    private let threads: Int
    /// The direct engine → evaluator input path (nil when the strategies' specs differ from the
    /// market's and inputs go through the wire translation instead).
    private let inputs: RulesInputBuilder?
    private let translator: RulesObservationTranslator
    /// Slots of the heat in ascending order, and their accounts in the same order.
    private var entrySlots: [Int] = []
    private var entryAccounts: [AccountID?] = []
    /// Each slot's index in `entrySlots` (fixed for the heat).
    private var entryPosition: [Int: Int] = [:]
    /// Account snapshots (by `entrySlots` position) of the state the next tick starts from,
    /// taken once after each tick for the equity curves and reused for the next observations.
    private var snapshots: [AccountSnapshot?]?
    private var accounts: [Int: AccountID] = [:]
    /// The bots' accounts, for routing events (house accounts get no observations).
    private var teamAccounts: Set<AccountID> = []
    private var pending: [AccountID: [MarketEvent]] = [:]
    private var boundaryRejections: [Int: [RejectionView]] = [:]
    private var alive: Set<Int> = []
    private var curves: [Int: [Money]] = [:]
    /// Decision points and the model gateway (contests with `llm`; docs/LLM-AGENTS.md).
    private let clock: DecisionClock?
    /// Loop index of the tick in progress (0 = first), for the decision clock.
    private var tickIndex = 0

    init(
        recorder: RunRecorder, workers: any Workers, spec: HeatSpec, market: MarketConfiguration, deposit: Money,
        ticks: Int, logger: Logger, rules: InProcessRules? = nil,
        encodedWorkers: (any EncodedObservationWorkers)? = nil, threads: Int = 1, clock: DecisionClock? = nil
    ) {
        self.clock = clock
        self.recorder = recorder
        self.workers = workers
        self.spec = spec
        self.market = market
        self.deposit = deposit
        self.ticks = ticks
        self.logger = logger
        self.builder = ObservationBuilder(instruments: market.instruments, bookDepth: 10)
        self.mapper = ActionMapper(instruments: market.instruments)
        self.rules = rules
        self.encodedWorkers = encodedWorkers
        self.threads = max(1, threads)
        let strategySpecs = market.instruments.map { spec in
            [InstrumentSpec.btcPerp, .ethPerp].first { $0.symbol == spec.symbol } ?? InstrumentSpec.btcPerp
        }
        self.translator = RulesObservationTranslator(instruments: strategySpecs)
        self.inputs =
            RulesInputBuilder.isExact(market: market.instruments, strategy: strategySpecs)
            ? RulesInputBuilder(instruments: market.instruments) : nil
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
        for link in SelfTradeLinks(settings: spec.contest.integritySettings, entries: spec.entries).assignments {
            guard let account = accounts[link.slot] else { continue }
            recorder.apply(
                .setSelfTradeGroup(account: account, group: link.group), origin: .system(slot: UInt32(link.slot)))
        }
        entrySlots = slots
        entryAccounts = slots.map { accounts[$0] }
        entryPosition = Dictionary(slots.enumerated().map { ($1, $0) }, uniquingKeysWith: { $1 })
        let limits = ProtocolLimits(
            tickDeadlineMs: spec.contest.limits.tickDeadlineMilliseconds,
            maxActionsPerTick: spec.contest.limits.maxActionsPerTick)
        var hellos: [Int: Hello] = [:]
        for entry in spec.entries {
            hellos[entry.slot] = builder.hello(
                contestId: spec.contest.id, team: entry.label, limits: limits,
                startingBalance: deposit, ticks: ticks)
            hellos[entry.slot]?.llm = clock?.info
            if spec.contest.decisionsRequired { hellos[entry.slot]?.decisionsRequired = true }
        }
        alive = Set(slots)
        var started = workers.start(hello: hellos.filter { rules?.index[$0.key] == nil })
        if let rules {
            started.merge(rules.start(hello: hellos.filter { rules.index[$0.key] != nil })) { $1 }
        }
        handle(started)
        for tick in 0..<ticks {
            if shouldStop() {
                _ = workers.finish(end: [:])
                _ = rules?.finish()
                throw HeatError(.cancelled, "the runner is shutting down")
            }
            tickIndex = tick
            step()
            progress(tick + 1, ticks)
        }
        var ends: [Int: End] = [:]
        for slot in slots where rules?.index[slot] == nil {
            let equity = curves[slot]?.last ?? .zero
            ends[slot] = End(reason: "finished", finalEquity: equity.decimal)
        }
        var reports = workers.finish(end: ends)
        if let clock {
            for slot in slots { reports[slot]?.logLines.append(contentsOf: clock.reportLines(slot: slot)) }
        }
        if let rules { reports.merge(rules.finish()) { $1 } }
        return (recorder, reports, curves)
    }

    /// Asks every live bot for its actions this tick: in-process strategies get their inputs
    /// straight from the engine's state, process bots their observation line (the market part
    /// encoded once per tick). Both run at the same time when the heat has both. A separate,
    /// non-mutating method so the read-only view of the engine is released before the recorder
    /// mutates it (a live copy would force a full copy-on-write).
    private func replies(snapshots: [AccountSnapshot?], thinking: ThinkingWindow? = nil) -> [Int: WorkerTickResult] {
        let exchange = recorder.exchange
        let tick = exchange.tick
        let timeMs = tick * market.tickMilliseconds
        let position = entryPosition
        let processSlots = entrySlots.filter { self.alive.contains($0) && rules?.index[$0] == nil }
        let needsWireMarkets = !processSlots.isEmpty || (rules != nil && inputs == nil)
        let wireMarkets = needsWireMarkets ? builder.markets(exchange) : []
        func observation(_ slot: Int) -> Observation? {
            guard let offset = position[slot], let account = entryAccounts[offset] else { return nil }
            var observation = Observation(
                tick: tick, timeMs: timeMs, markets: wireMarkets,
                account: builder.accountView(
                    snapshots[offset], account, events: pending[account] ?? [],
                    boundaryRejections: boundaryRejections[slot] ?? []))
            if thinking != nil { observation.decisionPoint = true }
            return observation
        }
        var processReplies: [Int: WorkerTickResult] = [:]
        let exchangeProcesses = {
            guard !processSlots.isEmpty else { return }
            if let encodedWorkers {
                let prefix = ObservationLinePrefix(tick: tick, timeMs: timeMs, markets: wireMarkets)
                var lines: [Int: EncodedObservation] = [:]
                lines.reserveCapacity(processSlots.count)
                for slot in processSlots {
                    guard let offset = position[slot], let account = entryAccounts[offset] else { continue }
                    let view = builder.accountView(
                        snapshots[offset], account, events: pending[account] ?? [],
                        boundaryRejections: boundaryRejections[slot] ?? [])
                    lines[slot] = EncodedObservation(
                        tick: tick, shared: prefix.bytes,
                        line: prefix.accountPart(account: view, decisionPoint: thinking != nil ? true : nil))
                }
                processReplies =
                    if let thinking { encodedWorkers.exchange(encoded: lines, thinking: thinking) } else {
                        encodedWorkers.exchange(encoded: lines)
                    }
            } else {
                var observations: [Int: Observation] = [:]
                for slot in processSlots { observations[slot] = observation(slot) }
                processReplies =
                    if let thinking { workers.exchange(observations, thinking: thinking) } else {
                        workers.exchange(observations)
                    }
            }
        }
        guard let rules else {
            exchangeProcesses()
            return processReplies
        }
        let alive = self.alive
        let strategyMarkets = inputs?.markets(exchange)
        var ruleReplies: [Int: WorkerTickResult] = [:]
        let evaluate = {
            ruleReplies = rules.step(threads: threads) { slot in
                guard alive.contains(slot), let offset = position[slot] else { return nil }
                if let inputs, let strategyMarkets {
                    return inputs.input(tick: tick, markets: strategyMarkets, account: snapshots[offset])
                }
                return observation(slot).map(translator.input)
            }
        }
        if processSlots.isEmpty || threads < 2 {
            exchangeProcesses()
            evaluate()
        } else {
            Parallel.both(exchangeProcesses, evaluate)
        }
        processReplies.merge(ruleReplies) { $1 }
        return processReplies
    }

    /// Snapshots of every entry's account in the engine's current state (on the heat's threads).
    private func takeSnapshots() -> [AccountSnapshot?] {
        let exchange = recorder.exchange
        var result = [AccountSnapshot?](repeating: nil, count: entryAccounts.count)
        let accounts = entryAccounts
        result.withUnsafeMutableBufferPointer { result in
            Parallel.chunks(count: accounts.count, threads: threads, minimumPerChunk: 32) { range in
                for offset in range { result[offset] = accounts[offset].flatMap { exchange.account($0) } }
            }
        }
        return result
    }

    private mutating func step() {
        let tick = recorder.exchange.tick
        let current = snapshots ?? takeSnapshots()
        snapshots = nil
        let window = clock?.window(index: tickIndex)
        let replies = replies(snapshots: current, thinking: window)
        // The decision point's model exchanges are inputs of this tick, before its orders.
        clock?.record(into: &recorder, window: window)
        pending.removeAll(keepingCapacity: true)
        boundaryRejections.removeAll(keepingCapacity: true)
        for slot in Self.processingOrder(replies.keys, seed: spec.seed, tick: tick) {
            guard let reply = replies[slot] else { continue }
            handle(slot: slot, reply)
        }
        route(recorder.advance())
        // One snapshot per team after the tick: its equity for the curve, the rest for the next
        // tick's observations (nothing changes the engine in between).
        let next = takeSnapshots()
        for (offset, slot) in entrySlots.enumerated() {
            curves[slot, default: []].append(next[offset]?.equity ?? .zero)
        }
        snapshots = next
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
            // The reply's decision goes into the transcript before its orders (hash-chained).
            let sent = rules?.index[slot] != nil ? rules?.decision(of: slot) : workers.decision(of: slot)
            let decision = DecisionGate.record(sent, actions: actions)
            if let decision { recorder.record(.decision(slot: UInt32(slot), decision, digest: decision.digest)) }
            let gate = DecisionGate(required: spec.contest.decisionsRequired)
            for action in actions {
                if let reason = gate.refusal(action, decision: decision) {
                    let tag: UInt64 = if case .place(let order) = action { order.clientID ?? 0 } else { 0 }
                    recorder.record(.botRejected(slot: UInt32(slot), clientTag: tag, reason: reason))
                    boundaryRejections[slot, default: []].append(
                        RejectionView(clientID: tag == 0 ? nil : tag, reason: reason))
                    continue
                }
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
