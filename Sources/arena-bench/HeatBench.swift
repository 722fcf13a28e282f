import AuditLog
import BotProtocol
import ContestModel
import Foundation
import HeatRunner
import Logging
import MarketEngine
import MarketModel
import Sandbox

/// Heat benchmark (docs/PERFORMANCE.md, "Heats"): whole heats through `HeatExecutor`, side by
/// side in one run.
///
/// * **tick without bots** — the engine's `advance` alone (background agents, mark/index,
///   funding), the same through `RunRecorder` (plus the transcript record), and a full heat of
///   zero teams (plus the tick loop, compression and signing);
/// * **rules strategies in the runner** — heats of the six example strategies in turn, evaluated
///   in-process on `--threads` threads (the production path);
/// * **one process per rules strategy** — the same heats with every strategy in its own
///   `arena-worker` process (the path before, as the baseline);
/// * **Python SDK bots** and **echo bots** (`arena-echo-bot`, the C bot answering no actions) in
///   processes; the echo heats give the host's overhead per process bot-tick, compared with a
///   raw pipe ping-pong of the same observation bytes;
/// * the transcript of every heat: bytes per 1,000 bot-ticks stored (format 2: packed records,
///   gzip), with the same records in format 1 (gzip, and the earlier ArenaLZ), and raw.
///
/// CPU is the whole process (all threads, `getrusage(RUSAGE_SELF)`) plus its reaped children
/// (the bot processes), so figures hold on a loaded machine; wall time is shown too.
///
/// `arena-bench heat [--ticks N] [--large-ticks N] [--rules 8,64,1000] [--process-rules 8,64]
/// [--python 8,64] [--echo 8,64] [--process-ticks N] [--threads N] [--seeds DIR] [--helper PATH]
/// [--worker PATH] [--echo-bot PATH] [--sdk DIR] [--sandboxed]`
enum HeatBench {
    struct Options {
        var ticks = 2_000
        var largeTicks = 2_000
        var processTicks = 500
        var rules = [8, 64, 1_000]
        var processRules = [8, 64]
        var python = [8, 64]
        var echo = [8, 64]
        var threads = ProcessInfo.processInfo.activeProcessorCount
        var seeds = "Seeds"
        var sandboxed = false
        var paths: SandboxBench.Options

        init(_ arguments: [String]) {
            paths = SandboxBench.Options(arguments)
            var iterator = arguments.makeIterator()
            func list(_ text: String?) -> [Int] { (text ?? "").split(separator: ",").compactMap { Int($0) } }
            while let argument = iterator.next() {
                switch argument {
                case "--ticks": ticks = iterator.next().flatMap(Int.init) ?? ticks
                case "--large-ticks": largeTicks = iterator.next().flatMap(Int.init) ?? largeTicks
                case "--process-ticks": processTicks = iterator.next().flatMap(Int.init) ?? processTicks
                case "--rules": rules = list(iterator.next())
                case "--process-rules": processRules = list(iterator.next())
                case "--python": python = list(iterator.next())
                case "--echo": echo = list(iterator.next())
                case "--threads": threads = iterator.next().flatMap(Int.init) ?? threads
                case "--seeds": seeds = iterator.next() ?? seeds
                case "--sandboxed": sandboxed = true
                default: break
                }
            }
        }
    }

    static let strategies = ["trend-following", "mean-reversion", "market-making", "funding-carry", "breakout", "grid"]
    static let pythonBots = ["market-maker", "momentum"]

    /// One measured heat.
    struct Row {
        var name: String
        var teams: Int
        var ticks: Int
        var wall: Double
        var cpu: Double
        var transcript: Transcript?
        /// CPU of the same heat over `shortTicks` ticks (start-up, hello, finish, signing).
        var shortCPU = 0.0
        var shortTicks = 0

        var botTicks: Int { teams * ticks }
        /// CPU µs per bot-tick once the heat runs: (CPU − short heat's CPU) / extra bot-ticks.
        var marginal: Double {
            guard ticks > shortTicks, teams > 0 else { return .nan }
            return (cpu - shortCPU) / Double(teams * (ticks - shortTicks)) * 1e6
        }
        var runtimeName: String { name.hasPrefix("Python") ? "python" : "rules" }
    }

    /// Entry point.
    static func run(arguments: [String]) {
        let options = Options(arguments)
        do {
            try measure(options)
        } catch {
            print("heat bench failed: \(error)")
        }
    }

    static func measure(_ options: Options) throws {
        let contest = try benchContest(options)
        let market = MarketConfigurationFactory.make(contest)
        print(
            "## Heats — demo contest market (\(market.instruments.map(\.symbol).joined(separator: ", ")), "
                + "background on), \(options.threads) threads, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print("")
        // Tick without bots.
        let engineOnly = best(3) {
            var exchange = Exchange(configuration: market, seed: 7)
            var events: [MarketEvent] = []
            for _ in 0..<options.ticks {
                events.removeAll(keepingCapacity: true)
                exchange.advance(into: &events)
            }
        }
        let recorderOnly = try bestThrowing(3) {
            let header = try TranscriptHeader(
                engineVersion: HeatExecutor.engineVersion, runID: "bench", contestID: contest.id,
                contestConfigurationHash: "", seed: 7, configuration: market, members: [], attestationKeyID: "bench")
            var recorder = try RunRecorder(header: header)
            for _ in 0..<options.ticks { recorder.advance() }
            _ = recorder.finish()
        }
        let empty = try heat(contest, options, name: "empty", teams: 0, ticks: options.ticks, workers: .workerGroup)
        let perTick = { (seconds: Double) in seconds / Double(options.ticks) * 1e6 }
        print("| tick without bots, \(options.ticks) ticks | CPU µs per tick | wall µs per tick |")
        print("|---|---|---|")
        print(
            "| engine `advance` alone (background agents, prices, funding) | \(f(perTick(engineOnly.cpu))) | \(f(perTick(engineOnly.wall))) |"
        )
        print(
            "| + `RunRecorder` (transcript record, results) | \(f(perTick(recorderOnly.cpu))) | \(f(perTick(recorderOnly.wall))) |"
        )
        print(
            "| full heat, zero teams (+ tick loop, gzip, signing) | \(f(perTick(empty.cpu))) | \(f(perTick(empty.wall))) |"
        )
        print("")
        let emptyCPUPerTick = empty.cpu / Double(options.ticks)
        var rows: [Row] = []
        for teams in options.rules {
            let ticks = teams >= 1_000 ? options.largeTicks : options.ticks
            rows.append(
                try heat(
                    contest, options, name: "rules in the runner", teams: teams, ticks: ticks, workers: .workerGroup))
        }
        for teams in options.processRules {
            rows.append(
                try heat(
                    contest, options, name: "rules, one process each", teams: teams, ticks: options.processTicks,
                    workers: .processPerBot))
        }
        for teams in options.python {
            rows.append(
                try heat(
                    contest, options, name: "Python SDK bots", teams: teams, ticks: options.processTicks,
                    workers: .workerGroup, runtime: .python))
        }
        var echoRows: [Row] = []
        for teams in options.echo {
            let row = try heat(
                contest, options, name: "echo bots (C)", teams: teams, ticks: options.processTicks,
                workers: .workerGroup, runtime: .exec)
            rows.append(row)
            echoRows.append(row)
        }
        print(
            "| heat | teams | ticks | wall s | CPU s | bot-ticks/s (wall) | CPU µs per bot-tick | less the empty tick "
                + "| marginal (less a 50-tick heat) |")
        print("|---|---|---|---|---|---|---|---|---|")
        for row in rows {
            let perBot = row.cpu / Double(max(1, row.botTicks)) * 1e6
            let less = (row.cpu - emptyCPUPerTick * Double(row.ticks)) / Double(max(1, row.botTicks)) * 1e6
            print(
                "| \(row.name) | \(row.teams) | \(row.ticks) | \(f(row.wall)) | \(f(row.cpu)) | "
                    + "\(f(Double(row.botTicks) / row.wall)) | \(f(perBot)) | \(f(less)) | \(f(row.marginal)) |")
        }
        print("")
        for teams in Set(options.rules).intersection(options.processRules).sorted() {
            guard let fast = rows.first(where: { $0.name == "rules in the runner" && $0.teams == teams }),
                let slow = rows.first(where: { $0.name == "rules, one process each" && $0.teams == teams })
            else { continue }
            let fastRate = Double(fast.botTicks) / fast.wall
            let slowRate = Double(slow.botTicks) / slow.wall
            let fastCPU = fast.cpu / Double(fast.botTicks)
            let slowCPU = slow.cpu / Double(slow.botTicks)
            print(
                "* \(teams) rules strategies: in the runner \(f(fastRate / slowRate))× the bot-ticks/s of one process "
                    + "each, \(f(slowCPU / fastCPU))× less CPU per bot-tick")
        }
        // Host overhead per process bot-tick vs raw pipe ping-pongs of the same bytes.
        if let echoBot = options.paths.echoBot, let echoRow = echoRows.last {
            try hostOverhead(contest, options, teams: echoRow.teams, echoBot: echoBot, emptyCPUPerTick: emptyCPUPerTick)
        }
        print("")
        print(
            "| transcript | bot-ticks | v2 stored (packed + gzip) B per 1,000 bot-ticks | v1 gzip, same records "
                + "| v1 ArenaLZ | v1 raw body | v2 raw body | v1 gzip / v2 | ArenaLZ / v2 |")
        print("|---|---|---|---|---|---|---|---|---|")
        for row in rows where row.name == "rules in the runner" || row.name == "Python SDK bots" {
            guard let transcript = row.transcript, row.botTicks > 0 else { continue }
            // The same records written in format version 1 (one canonical frame per record), as before.
            guard let version1 = TranscriptSizes.rewritten(transcript, version: TranscriptFormat.version1) else {
                continue
            }
            let body = TranscriptReader.body(of: version1.bytes)
            if let directory = ProcessInfo.processInfo.environment["HEAT_BENCH_WRITE"] {
                let name = "\(directory)/\(row.runtimeName)-\(row.teams).body"
                FileManager.default.createFile(atPath: name, contents: Data(body))
                FileManager.default.createFile(
                    atPath: "\(directory)/\(row.runtimeName)-\(row.teams).patx", contents: Data(transcript.bytes))
            }
            // The same file framing (≈ 48 B: magic, version, flag, lengths, digest) around ArenaLZ.
            let lz = ArenaLZ.compress(body).count + 48
            let stored = transcript.bytes.count
            let per = { (bytes: Int) in Double(bytes) / Double(row.botTicks) * 1_000 }
            print(
                "| \(row.name), \(row.teams) teams | \(row.botTicks) | \(f(per(stored))) | "
                    + "\(f(per(version1.bytes.count))) | \(f(per(lz))) | \(f(per(body.count))) | "
                    + "\(f(per(transcript.bodyByteCount))) | \(f(Double(version1.bytes.count) / Double(stored))) | "
                    + "\(f(Double(lz) / Double(stored))) |")
        }
    }

    /// The demo contest with deadlines a loaded machine cannot miss (a miss would change results).
    static func benchContest(_ options: Options) throws -> ContestDefinition {
        var contest = try ContestDefinitionLoader.load(path: options.seeds + "/contests/demo.yaml")
        contest.limits.tickDeadlineMilliseconds = 10_000
        contest.limits.firstTickDeadlineMilliseconds = 60_000
        return contest
    }

    static func heat(
        _ contest: ContestDefinition, _ options: Options, name: String, teams: Int, ticks: Int,
        workers: WorkersFactory, runtime: Runtime = .rules
    ) throws -> Row {
        var logger = Logger(label: "heat-bench")
        logger.logLevel = .critical
        var sandbox = SandboxConfiguration(
            helperPath: options.paths.helper ?? "/nonexistent", workerPath: options.paths.worker ?? "",
            pythonSDKDirectory: options.paths.sdk,
            isolation: options.sandboxed && geteuid() == 0 ? .sandboxed : .plainProcess, uidBase: 62_000,
            extraReadOnlyPaths: SandboxConfiguration.hostSwiftRuntimeDirectory.map { [$0] } ?? [])
        sandbox.uidCount = max(sandbox.uidCount, teams + 8)
        let executor = HeatExecutor(
            sandbox: sandbox, signingKey: try SigningKey(rawRepresentation: Array(repeating: 3, count: 32)),
            logger: logger, workers: workers, threads: options.threads)
        let seeds = URL(fileURLWithPath: options.seeds).standardizedFileURL.path
        let echoDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("arena-heat-bench-echo")
        if runtime == .exec, let echoBot = options.paths.echoBot {
            try? FileManager.default.createDirectory(at: echoDirectory, withIntermediateDirectories: true)
            let target = echoDirectory.appendingPathComponent("arena-echo-bot").path
            try? FileManager.default.removeItem(atPath: target)
            try FileManager.default.copyItem(atPath: echoBot, toPath: target)
            chmod(echoDirectory.path, 0o755)
        }
        let spec = HeatSpec(
            contest: contest, runId: "bench-\(teams)", seed: 20_261_202,
            entries: (0..<teams).map { slot in
                switch runtime {
                case .rules:
                    let name = strategies[slot % strategies.count]
                    return HeatSpec.Entry(
                        slot: slot, teamId: Int64(slot + 1), label: name, runtime: .rules,
                        bundleDirectory: seeds + "/strategies/" + name, entry: nil,
                        submissionSHA256: String(repeating: "0", count: 64))
                case .python:
                    let name = pythonBots[slot % pythonBots.count]
                    return HeatSpec.Entry(
                        slot: slot, teamId: Int64(slot + 1), label: name, runtime: .python,
                        bundleDirectory: seeds + "/python-bots/" + name, entry: "bot.py",
                        submissionSHA256: String(repeating: "0", count: 64))
                case .exec:
                    return HeatSpec.Entry(
                        slot: slot, teamId: Int64(slot + 1), label: "echo", runtime: .exec,
                        bundleDirectory: echoDirectory.path, entry: "arena-echo-bot",
                        submissionSHA256: String(repeating: "0", count: 64))
                }
            }, ticks: ticks)
        func run(_ spec: HeatSpec) throws -> HeatOutcome {
            try SandboxBench.onThread { () -> Result<HeatOutcome, HeatError> in
                do throws(HeatError) {
                    return .success(try executor.run(spec))
                } catch {
                    return .failure(error)
                }
            }.get()
        }
        var short = spec
        short.ticks = min(50, ticks)
        let shortStart = processCPU()
        _ = try run(short)
        let shortCPU = processCPU() - shortStart
        let cpu = processCPU()
        let wall = ContinuousClock.now
        let outcome = try run(spec)
        var row = Row(
            name: name, teams: teams, ticks: ticks, wall: seconds(ContinuousClock.now - wall),
            cpu: processCPU() - cpu, transcript: outcome.transcript)
        row.shortCPU = shortCPU
        row.shortTicks = min(50, ticks)
        let faults = outcome.reports.values.filter { $0.fault != nil }
        if !faults.isEmpty {
            print(
                "(\(name) \(teams): \(faults.count) faulted, e.g. \(faults.first?.fault.map { "\($0.reason)" } ?? ""))")
        }
        return row
    }

    /// CPU seconds of this process (every thread) plus its reaped children.
    static func processCPU() -> Double {
        var own = rusage()
        var children = rusage()
        getrusage(RUSAGE_SELF.rawValue, &own)
        getrusage(RUSAGE_CHILDREN.rawValue, &children)
        func total(_ usage: rusage) -> Double {
            Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6 + Double(usage.ru_stime.tv_sec)
                + Double(usage.ru_stime.tv_usec) * 1e-6
        }
        return total(own) + total(children)
    }

    static func best(_ reps: Int, _ body: () -> Void) -> (cpu: Double, wall: Double) {
        var cpu = Double.infinity
        var wall = Double.infinity
        for _ in 0..<max(1, reps) {
            let startCPU = processCPU()
            let start = ContinuousClock.now
            body()
            cpu = min(cpu, processCPU() - startCPU)
            wall = min(wall, seconds(ContinuousClock.now - start))
        }
        return (cpu, wall)
    }

    static func bestThrowing(_ reps: Int, _ body: () throws -> Void) throws -> (cpu: Double, wall: Double) {
        var failure: (any Error)?
        let result = best(reps) {
            do { try body() } catch { failure = error }
        }
        if let failure { throw failure }
        return result
    }

    static func seconds(_ duration: Duration) -> Double { EngineBench.seconds(duration) }

    static func f(_ value: Double) -> String {
        if value >= 1_000 { return String(format: "%.0f", value) }
        if value >= 10 { return String(format: "%.1f", value) }
        return String(format: "%.2f", value)
    }
}

extension Observation {
    /// The observation's protocol line.
    var encodedLineBytes: [UInt8] { HostMessage.observation(self).encodedLine() }
}
