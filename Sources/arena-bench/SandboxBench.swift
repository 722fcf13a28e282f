import BotProtocol
import Foundation
import MarketModel
import Sandbox

/// Sandbox and worker benchmark (docs/PERFORMANCE.md, "Sandbox and workers").
///
/// `arena-bench sandbox [--iterations N] [--starts N] [--helper PATH] [--echo-bot PATH]
/// [--worker PATH] [--rules-bundle DIR] [--sdk DIR] [--plain]`
///
/// Measures, in one run and with the same observation bytes:
/// * a raw pipe ping-pong (blocking write/read against the `arena-echo-bot`, no WorkerGroup);
/// * `WorkerGroup.exchange` per bot-tick with the same echo bot (plain and sandboxed), the
///   Python SDK bot and the rules worker (sandboxed), p50/p99;
/// * host-side encode/decode of the messages;
/// * worker start (spawn → first reply) and worker RSS.
enum SandboxBench {
    /// Entry point.
    static func run(arguments: [String]) {
        let options = Options(arguments)
        guard let helper = options.helper else {
            print("sandbox bench: arena-sandbox not found; build it (swift build) or pass --helper")
            return
        }
        guard let echoBot = options.echoBot else {
            print("sandbox bench: arena-echo-bot not found; build it (swift build) or pass --echo-bot")
            return
        }
        let isolation: Isolation = options.plain || geteuid() != 0 ? .plainProcess : .sandboxed
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("arena-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bundles = Bundles(root: scratch, echoBot: echoBot, rulesBundle: options.rulesBundle)
        let observation = sampleObservation(tick: 1)
        let line = (try? BotProtocolCodec().encode(.observation(observation))) ?? []
        print(
            "## Sandbox and workers — \(options.iterations) ticks per row, observation \(line.count) B, isolation \(isolation.rawValue)"
        )
        print("")
        print("| row | p50 µs | p99 µs | mean µs | vs raw p50 |")
        print("|---|---|---|---|---|")
        let raw = rawPingPong(bot: bundles.echoBot, line: line, iterations: options.iterations)
        row("raw pipe ping-pong (echo bot, no WorkerGroup)", raw, raw)
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/setsid") {
            let session = rawPingPong(bot: bundles.echoBot, line: line, iterations: options.iterations, setsid: true)
            row("raw pipe ping-pong, echo bot in its own session (setsid)", session, raw)
        }
        var base = SandboxConfiguration(
            helperPath: helper, workerPath: options.worker ?? "", pythonSDKDirectory: options.sdk,
            isolation: .plainProcess, tickDeadline: .seconds(2), firstTickDeadline: .seconds(10), uidBase: 61_900,
            extraReadOnlyPaths: SandboxConfiguration.hostSwiftRuntimeDirectory.map { [$0] } ?? [])
        row("exchange, echo bot, plainProcess", exchange(base, bundles.echo, options.iterations).ticks, raw)
        base.isolation = isolation
        var rss: [(String, Int?, Int?)] = []
        let echo = exchange(base, bundles.echo, options.iterations)
        row("exchange, echo bot, \(isolation.rawValue)", echo.ticks, raw)
        let transport = exchange(base, bundles.echo, options.iterations, preEncoded: true)
        row("exchange(encoded:), echo bot, \(isolation.rawValue) (transport only)", transport.ticks, raw)
        let python = exchange(base, bundles.python, options.iterations)
        row("exchange, Python SDK bot, \(isolation.rawValue)", python.ticks, raw)
        rss.append(("python (SDK)", python.rssKiB, python.peakKiB))
        var rules: Measurement?
        if options.worker != nil, let bundle = bundles.rules {
            let measured = exchange(base, bundle, options.iterations)
            row("exchange, rules worker, \(isolation.rawValue)", measured.ticks, raw)
            rss.append(("rules (arena-worker)", measured.rssKiB, measured.peakKiB))
            rules = measured
        } else {
            print("| rules worker | n/a (arena-worker or a rules bundle not found) | | | |")
        }
        print("")
        codecCosts(observation)
        print("")
        print("| worker start (spawn → first reply), \(options.starts) runs | median ms | min ms |")
        print("|---|---|---|")
        starts("echo bot", base, bundles.echo, options.starts)
        starts("python (SDK)", base, bundles.python, options.starts)
        if rules != nil, let bundle = bundles.rules { starts("rules (arena-worker)", base, bundle, options.starts) }
        print("")
        print("| worker memory | RSS of the bot process KiB | cgroup peak KiB |")
        print("|---|---|---|")
        for (name, resident, peak) in rss {
            print("| \(name) | \(resident.map(String.init) ?? "n/a") | \(peak.map(String.init) ?? "n/a") |")
        }
    }

    // MARK: - Rows

    struct Measurement {
        var ticks: [Double]
        var rssKiB: Int?
        var peakKiB: Int?
    }

    static func row(_ name: String, _ samples: [Double], _ raw: [Double]) {
        guard !samples.isEmpty else {
            print("| \(name) | failed | | | |")
            return
        }
        let ratio = percentile(samples, 0.5) / max(percentile(raw, 0.5), 0.001)
        print(
            "| \(name) | \(format(percentile(samples, 0.5))) | \(format(percentile(samples, 0.99))) | "
                + "\(format(samples.reduce(0, +) / Double(samples.count))) | \(String(format: "%.2f×", ratio)) |")
    }

    /// Blocking write of the observation line, blocking read of one reply line, repeated.
    static func rawPingPong(bot: String, line: [UInt8], iterations: Int, setsid: Bool = false) -> [Double] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: setsid ? "/usr/bin/setsid" : bot)
        // setsid(1) execs the bot in a new session, hence a new scheduler autogroup, as the
        // helper does for every worker.
        if setsid { process.arguments = [bot] }
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        guard (try? process.run()) != nil else { return [] }
        let writeFD = input.fileHandleForWriting.fileDescriptor
        let readFD = output.fileHandleForReading.fileDescriptor
        var samples: [Double] = []
        samples.reserveCapacity(iterations)
        var buffer = [UInt8](repeating: 0, count: 4096)
        for index in 0..<(iterations + 200) {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = line.withUnsafeBytes { write(writeFD, $0.baseAddress, $0.count) }
            var done = false
            while !done {
                let count = read(readFD, &buffer, buffer.count)
                if count <= 0 { return samples }
                done = buffer[count - 1] == 0x0A
            }
            if index >= 200 { samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000) }
        }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return samples
    }

    /// `exchange` timing for one worker on a dedicated thread, plus its RSS after warm-up.
    static func exchange(
        _ configuration: SandboxConfiguration, _ launch: WorkerLaunch, _ iterations: Int, preEncoded: Bool = false
    ) -> Measurement {
        onThread {
            var measurement = Measurement(ticks: [])
            guard let group = try? WorkerGroup(configuration: configuration, launches: [launch]) else {
                return measurement
            }
            _ = group.start(hello: [0: sampleHello()])
            measurement.ticks.reserveCapacity(iterations)
            for tick in 1...(iterations + 200) {
                let observation = sampleObservation(tick: Int64(tick))
                let encoded = preEncoded ? [0: EncodedObservation(observation)] : [:]
                let start = DispatchTime.now().uptimeNanoseconds
                let result = preEncoded ? group.exchange(encoded: encoded) : group.exchange([0: observation])
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1000
                guard case .actions = result[0] else {
                    print("| (\(launch.label) stopped at tick \(tick): \(String(describing: result[0]))) | | | | |")
                    break
                }
                if tick > 200 { measurement.ticks.append(elapsed) }
                if tick == 200 { measurement.rssKiB = residentKiB(group.teamProcesses(slot: 0)) }
            }
            let report = group.finish(end: [0: End(reason: "completed", finalEquity: "0")])[0]
            measurement.peakKiB = report?.memoryPeakBytes.map { $0 / 1024 }
            return measurement
        }
    }

    static func starts(_ name: String, _ configuration: SandboxConfiguration, _ launch: WorkerLaunch, _ runs: Int) {
        let times: [Double] = onThread {
            (0..<runs).compactMap { _ -> Double? in
                let start = DispatchTime.now().uptimeNanoseconds
                guard let group = try? WorkerGroup(configuration: configuration, launches: [launch]) else { return nil }
                _ = group.start(hello: [0: sampleHello()])
                let result = group.exchange([0: sampleObservation(tick: 1)])
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
                _ = group.finish(end: [:])
                guard case .actions = result[0] else { return nil }
                return elapsed
            }
        }
        guard !times.isEmpty else {
            print("| \(name) | failed | |")
            return
        }
        print(
            "| \(name) | \(String(format: "%.1f", percentile(times, 0.5))) | \(String(format: "%.1f", times.min() ?? 0)) |"
        )
    }

    static func codecCosts(_ observation: Observation) {
        let codec = BotProtocolCodec()
        let reply = Array(
            #"{"type":"actions","tick":1,"actions":[{"action":"place","symbol":"BTC-PERP","side":"buy","type":"limit","price":"67250.1","quantity":"0.015","tif":"post_only"}]}"#
                .utf8)
        var encode: [Double] = []
        var decode: [Double] = []
        for _ in 0..<5000 {
            var start = DispatchTime.now().uptimeNanoseconds
            _ = try? codec.encode(.observation(observation))
            encode.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
            start = DispatchTime.now().uptimeNanoseconds
            _ = try? codec.decodeBotLine(reply)
            decode.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
        }
        print("| host-side codec (5000 runs) | p50 µs | p99 µs |")
        print("|---|---|---|")
        print("| encode observation | \(format(percentile(encode, 0.5))) | \(format(percentile(encode, 0.99))) |")
        print("| decode one-order reply | \(format(percentile(decode, 0.5))) | \(format(percentile(decode, 0.99))) |")
    }

    // MARK: - Inputs

    struct Options {
        var iterations = 20_000
        var starts = 20
        var helper: String?
        var echoBot: String?
        var worker: String?
        var rulesBundle: String?
        var sdk: String?
        var plain = false

        init(_ arguments: [String]) {
            var iterator = arguments.makeIterator()
            while let argument = iterator.next() {
                switch argument {
                case "--iterations": iterations = iterator.next().flatMap(Int.init) ?? iterations
                case "--starts": starts = iterator.next().flatMap(Int.init) ?? starts
                case "--helper": helper = iterator.next()
                case "--echo-bot": echoBot = iterator.next()
                case "--worker": worker = iterator.next()
                case "--rules-bundle": rulesBundle = iterator.next()
                case "--sdk": sdk = iterator.next()
                case "--plain": plain = true
                default: break
                }
            }
            let binDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
                .deletingLastPathComponent()
            let fileManager = FileManager.default
            if helper == nil {
                let candidate = binDirectory.appendingPathComponent("arena-sandbox").path
                if fileManager.isExecutableFile(atPath: candidate) { helper = candidate }
            }
            if echoBot == nil {
                let candidate = binDirectory.appendingPathComponent("arena-echo-bot").path
                if fileManager.isExecutableFile(atPath: candidate) { echoBot = candidate }
            }
            if worker == nil {
                let candidate = binDirectory.appendingPathComponent("arena-worker").path
                if fileManager.isExecutableFile(atPath: candidate) { worker = candidate }
            }
            var directory = binDirectory
            while directory.path != "/" {
                let sdkCandidate = directory.appendingPathComponent("Sources/PythonSDK")
                if sdk == nil, fileManager.fileExists(atPath: sdkCandidate.appendingPathComponent("perparena.py").path)
                {
                    sdk = sdkCandidate.path
                }
                let rules = directory.appendingPathComponent("Seeds/strategies/market-making")
                if rulesBundle == nil,
                    fileManager.fileExists(atPath: rules.appendingPathComponent("strategy.yaml").path)
                {
                    rulesBundle = rules.path
                }
                directory.deleteLastPathComponent()
            }
        }
    }

    /// Temporary bundles: the echo bot (a copy of the `arena-echo-bot` executable) and a
    /// minimal SDK bot; the rules bundle is used in place.
    struct Bundles {
        var echo: WorkerLaunch
        var echoBot: String
        var python: WorkerLaunch
        var rules: WorkerLaunch?

        init(root: URL, echoBot source: String, rulesBundle: String?) {
            let fileManager = FileManager.default
            let echoDirectory = root.appendingPathComponent("echo")
            let pythonDirectory = root.appendingPathComponent("python")
            try? fileManager.createDirectory(at: echoDirectory, withIntermediateDirectories: true)
            try? fileManager.createDirectory(at: pythonDirectory, withIntermediateDirectories: true)
            echoBot = echoDirectory.appendingPathComponent("arena-echo-bot").path
            try? fileManager.copyItem(atPath: source, toPath: echoBot)
            let bot =
                "import perparena as pa\n\nclass Idle(pa.Bot):\n    def on_tick(self, obs):\n        return []\n\npa.run(Idle())\n"
            try? bot.write(to: pythonDirectory.appendingPathComponent("bot.py"), atomically: true, encoding: .utf8)
            for directory in [root, echoDirectory, pythonDirectory] { chmod(directory.path, 0o755) }
            echo = WorkerLaunch(
                slot: 0, label: "echo", runtime: .exec, bundleDirectory: echoDirectory.path, entry: "arena-echo-bot")
            python = WorkerLaunch(
                slot: 0, label: "python", runtime: .python, bundleDirectory: pythonDirectory.path, entry: "bot.py")
            rules = rulesBundle.map { WorkerLaunch(slot: 0, label: "rules", runtime: .rules, bundleDirectory: $0) }
        }
    }

    static func sampleHello() -> Hello {
        Hello(
            contestID: "bench", team: "bench", instruments: [InstrumentInfo(.btcPerp), InstrumentInfo(.ethPerp)],
            limits: ProtocolLimits(), startingBalance: "10000", ticksTotal: 1_000_000)
    }

    /// Two instruments, ten levels a side, five trades each, one position, two open orders.
    static func sampleObservation(tick: Int64) -> Observation {
        let markets = [("BTC-PERP", 67_250), ("ETH-PERP", 3_250)].map { symbol, mid in
            MarketView(
                symbol: symbol, mark: "\(mid).1", index: "\(mid).0", last: "\(mid).0", fundingRate: "0.0001",
                nextFundingTick: 600, openInterest: "1234.567", volume: "98765.432",
                bids: (0..<10).map { BookLevel(price: "\(mid - $0).0", quantity: "1.\($0)5") },
                asks: (0..<10).map { BookLevel(price: "\(mid + 1 + $0).0", quantity: "0.\($0)7") },
                trades: (0..<5).map {
                    TradeView(price: "\(mid).\($0)", quantity: "0.01\($0)", side: $0 % 2 == 0 ? .buy : .sell)
                })
        }
        let account = AccountView(
            balance: "10000", equity: "10012.5", available: "9000.25", marginRatio: "0.0123",
            positions: [
                PositionView(
                    symbol: "BTC-PERP", size: "0.015", entryPrice: "67000.0", unrealizedPnL: "3.75",
                    liquidationPrice: "60000.1", leverage: 10, marginMode: .cross)
            ],
            openOrders: [
                OpenOrderView(
                    orderID: 17, clientID: 3, symbol: "BTC-PERP", side: .buy, price: "67240.0", remaining: "0.01"),
                OpenOrderView(
                    orderID: 18, clientID: 4, symbol: "BTC-PERP", side: .sell, price: "67260.0", remaining: "0.01"),
            ])
        return Observation(tick: tick, timeMs: 1_700_000_000_000 + tick * 1000, markets: markets, account: account)
    }

    // MARK: - Small helpers

    static func residentKiB(_ pids: [Int32]) -> Int? {
        let values = pids.compactMap { pid -> Int? in
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
            else { return nil }
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return values.isEmpty ? nil : values.reduce(0, +)
    }

    static func percentile(_ samples: [Double], _ fraction: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
    }

    static func format(_ value: Double) -> String { String(format: value < 100 ? "%.1f" : "%.0f", value) }

    /// Runs `body` on a fresh thread (WorkerGroup wants a dedicated thread) and waits.
    static func onThread<T>(_ body: @escaping () -> T) -> T {
        let box = ThreadBox(body)
        let thread = Thread { box.run() }
        thread.stackSize = 1 << 22
        thread.start()
        box.done.wait()
        return box.value!
    }

    /// Carries a closure to a thread and its result back.
    final class ThreadBox<T>: @unchecked Sendable {
        let body: () -> T
        var value: T?
        let done = DispatchSemaphore(value: 0)

        init(_ body: @escaping () -> T) { self.body = body }

        func run() {
            value = body()
            done.signal()
        }
    }
}
