import Foundation
import MarketEngine
import MarketModel

/// Engine benchmark (docs/PERFORMANCE.md, "Engine"): order commands per second through
/// `Exchange.apply(_:into:)` for a realistic add/cancel/market mix on one core, against a
/// baseline measured in the same run: a raw `Dictionary<UInt64, Int64>` insert + remove loop
/// of the same count (the cheapest possible "order index" work per command).
///
/// `arena-bench engine [--commands N] [--accounts N] [--reps N] [--seed N]`
enum EngineBench {
    struct Options {
        var commands = 2_000_000
        var accounts = 64
        var reps = 3
        var seed: UInt64 = 2_026
    }

    /// Entry point.
    static func run(arguments: [String]) {
        var options = Options()
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? arguments[index + 1] : ""
            switch arguments[index] {
            case "--commands": options.commands = Int(value) ?? options.commands
            case "--accounts": options.accounts = Int(value) ?? options.accounts
            case "--reps": options.reps = Int(value) ?? options.reps
            case "--seed": options.seed = UInt64(value) ?? options.seed
            default:
                print("usage: arena-bench engine [--commands N] [--accounts N] [--reps N] [--seed N]")
                return
            }
            index += 2
        }
        measure(options)
    }

    /// A quiet BTC-PERP market with funded bot accounts.
    static func market(_ options: Options) -> (Exchange, [AccountID]) {
        var exchange = Exchange(
            configuration: MarketConfiguration(
                instruments: [.btcPerp], background: .quiet(startPrices: [Price(ticks: 650_000)]),
                maxOpenOrdersPerAccount: 1_000),
            seed: options.seed)
        var accounts: [AccountID] = []
        for _ in 0..<options.accounts {
            if case .accountOpened(let id, _)? = exchange.apply(.openAccount(deposit: .usdt(10_000_000))).first {
                accounts.append(id)
            }
        }
        return (exchange, accounts)
    }

    /// Generates the command stream by running it once (so cancels name live orders):
    /// 55 % limit adds near the touch (GTC, some post-only), 35 % cancels of a live own order,
    /// 10 % small market orders.
    static func generate(_ options: Options) -> [MarketCommand] {
        var (exchange, accounts) = market(options)
        var generator = SeededGenerator(seed: options.seed, stream: 1)
        var live: [[UInt64]] = Array(repeating: [], count: options.accounts)
        var remaining: [UInt64: (slot: Int, lots: Int64)] = [:]
        var commands: [MarketCommand] = []
        commands.reserveCapacity(options.commands)
        var events: [MarketEvent] = []
        let instrument = InstrumentID(0)
        let mid: Int64 = 650_000
        while commands.count < options.commands {
            let who = Int(generator.upTo(Int64(options.accounts - 1)))
            let roll = generator.upTo(99)
            let side: Side = generator.next() & 1 == 0 ? .buy : .sell
            let command: MarketCommand
            if roll < 35, !live[who].isEmpty {
                let pick = Int(generator.upTo(Int64(live[who].count - 1)))
                command = .cancelOrder(account: accounts[who], instrument: instrument, order: OrderID(live[who][pick]))
            } else if roll < 45 {
                command = .placeOrder(
                    OrderRequest(
                        account: accounts[who], instrument: instrument, side: side, kind: .market, price: nil,
                        quantity: Quantity(lots: 1 + generator.upTo(20)), timeInForce: .ioc))
            } else {
                // Passive around the touch: buys at or below mid + 2, sells at or above mid − 2.
                let depth = generator.upTo(60) - 2
                let price = side == .buy ? mid - depth : mid + depth
                command = .placeOrder(
                    OrderRequest(
                        account: accounts[who], instrument: instrument, side: side, kind: .limit,
                        price: Price(ticks: price),
                        quantity: Quantity(lots: 1 + generator.upTo(50)), timeInForce: roll < 50 ? .postOnly : .gtc))
            }
            events.removeAll(keepingCapacity: true)
            exchange.apply(command, into: &events)
            commands.append(command)
            for event in events {
                switch event {
                case .orderAccepted(let order, let request):
                    guard request.kind == .limit, request.timeInForce == .gtc || request.timeInForce == .postOnly else {
                        break
                    }
                    let slot = Int(request.account.rawValue - accounts[0].rawValue)
                    live[slot].append(order.rawValue)
                    remaining[order.rawValue] = (slot, request.quantity.lots)
                case .orderCancelled(_, _, let order, _, _, _):
                    remove(order.rawValue, &live, &remaining)
                case .trade(let trade):
                    for order in [trade.makerOrder.rawValue, trade.takerOrder.rawValue] {
                        guard let entry = remaining[order] else { continue }
                        if entry.lots <= trade.quantity.lots {
                            remove(order, &live, &remaining)
                        } else {
                            remaining[order] = (entry.slot, entry.lots - trade.quantity.lots)
                        }
                    }
                default: break
                }
            }
        }
        return commands
    }

    static func remove(_ order: UInt64, _ live: inout [[UInt64]], _ remaining: inout [UInt64: (slot: Int, lots: Int64)])
    {
        guard let slot = remaining.removeValue(forKey: order)?.slot, let index = live[slot].firstIndex(of: order) else {
            return
        }
        live[slot].swapAt(index, live[slot].count - 1)
        live[slot].removeLast()
    }

    /// CPU time of the calling thread in seconds (the machine is shared, so wall time overstates
    /// the cost when other processes compete for the cores).
    static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    static func measure(_ options: Options) {
        print(
            "engine bench: generating \(options.commands) commands (\(options.accounts) accounts, seed \(options.seed))"
        )
        let commands = generate(options)
        var adds = 0
        var cancels = 0
        var markets = 0
        for command in commands {
            switch command {
            case .placeOrder(let request): if request.kind == .market { markets += 1 } else { adds += 1 }
            case .cancelOrder: cancels += 1
            default: break
            }
        }
        print("mix: \(adds) limit adds, \(cancels) cancels, \(markets) market orders")
        let clock = ContinuousClock()
        var best = Double.infinity
        var bestBaseline = Double.infinity
        var bestCPU = Double.infinity
        var bestBaselineCPU = Double.infinity
        var eventCount = 0
        var hash: UInt64 = 0
        for rep in 0..<max(1, options.reps) {
            var (exchange, _) = market(options)
            var events: [MarketEvent] = []
            events.reserveCapacity(64)
            eventCount = 0
            let start = clock.now
            let cpuStart = threadCPUSeconds()
            for command in commands {
                events.removeAll(keepingCapacity: true)
                exchange.apply(command, into: &events)
                eventCount &+= events.count
            }
            let elapsed = seconds(clock.now - start)
            bestCPU = min(bestCPU, threadCPUSeconds() - cpuStart)
            hash = exchange.stateHash()
            best = min(best, elapsed)

            // Baseline: the same count of raw Dictionary inserts then removes (order-index work only).
            var dictionary: [UInt64: Int64] = [:]
            let baselineStart = clock.now
            let baselineCPUStart = threadCPUSeconds()
            for (offset, _) in commands.enumerated() {
                let key = UInt64(offset)
                dictionary[key] = Int64(offset)
                if offset % 3 == 2 { dictionary[key &- 1] = nil }
            }
            let baselineElapsed = seconds(clock.now - baselineStart)
            bestBaselineCPU = min(bestBaselineCPU, threadCPUSeconds() - baselineCPUStart)
            bestBaseline = min(bestBaseline, baselineElapsed)
            print(
                "rep \(rep): engine \(format(Double(commands.count) / elapsed)) cmd/s, "
                    + "baseline \(format(Double(commands.count) / baselineElapsed)) ops/s (dictionary size \(dictionary.count))"
            )
        }
        let rate = Double(commands.count) / best
        let baselineRate = Double(commands.count) / bestBaseline
        print(
            "engine: \(commands.count) commands, \(eventCount) events, best \(format(best * 1_000)) ms "
                + "= \(format(rate)) commands/s on one core (state hash \(String(hash, radix: 16)))")
        print(
            "baseline: raw Dictionary<UInt64, Int64> insert/remove loop of the same count = \(format(baselineRate)) ops/s"
        )
        print("ratio engine/baseline (wall): \(format(rate / baselineRate))")
        let cpuRate = Double(commands.count) / bestCPU
        let baselineCPURate = Double(commands.count) / bestBaselineCPU
        print(
            "thread CPU time: engine \(format(cpuRate)) commands/s, baseline \(format(baselineCPURate)) ops/s, "
                + "ratio \(format(cpuRate / baselineCPURate))")
    }

    static func format(_ value: Double) -> String {
        let scaled = (value * 100).rounded() / 100
        if scaled >= 1_000_000 { return "\((scaled / 10_000).rounded() / 100)M" }
        return "\(scaled)"
    }
}
