import AuditLog
import Crypto
import Foundation
import MarketEngine
import MarketModel

/// Audit benchmark (docs/PERFORMANCE.md, "Audit"): records a synthetic multi-bot run, then
/// measures transcript size per bot-tick and `arena verify` throughput in events per second,
/// each against baselines measured in the same process over the same data: the bare engine
/// replay of the same commands and raw SHA-256 over the same uncompressed bytes.
///
/// `arena-bench audit [--bots N] [--ticks N] [--reps N] [--seed N] [--write DIR]` (`--write` also
/// saves the transcript, attestation and public key for trying `arena verify`, and the same run
/// in format version 1 under `DIR/v1`). The same records are also verified in format version 1.
enum AuditBench {
    struct Options {
        var bots = 10
        var ticks = 3_000
        var reps = 3
        var seed: UInt64 = 2_026
        /// Directory to write `run.patx`, `run.attestation.json` and `keys.json` into.
        var write: String?
    }

    /// Entry point.
    static func run(arguments: [String]) {
        var options = Options()
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? arguments[index + 1] : ""
            switch arguments[index] {
            case "--bots": options.bots = Int(value) ?? options.bots
            case "--ticks": options.ticks = Int(value) ?? options.ticks
            case "--reps": options.reps = Int(value) ?? options.reps
            case "--seed": options.seed = UInt64(value) ?? options.seed
            case "--write": options.write = value
            default:
                print("usage: arena-bench audit [--bots N] [--ticks N] [--reps N] [--seed N] [--write DIR]")
                return
            }
            index += 2
        }
        do {
            try measure(options)
        } catch {
            print("audit bench failed: \(error)")
        }
    }

    private static func measure(_ options: Options) throws {
        let key = SigningKey(privateKey: Curve25519.Signing.PrivateKey())
        let clock = ContinuousClock()
        let recordStart = clock.now
        let transcript = try record(options, keyID: key.id)
        let recordTime = seconds(clock.now - recordStart)
        let attestation = try key.sign(transcript.manifest)
        let keys = [PublicKeyInfo(key.publicKey, active: true)]
        if let directory = options.write {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try Data(transcript.bytes).write(to: URL(fileURLWithPath: directory + "/run.patx"))
            try attestation.jsonData().write(to: URL(fileURLWithPath: directory + "/run.attestation.json"))
            try encoder.encode(keys).write(to: URL(fileURLWithPath: directory + "/keys.json"))
        }
        let (_, records) = try Transcript.decode(transcript.bytes)
        let events = records.reduce(0) { $0 + $1.events.count }
        let commands = records.reduce(0) { $0 + $1.inputs.count { $0.command != nil } }
        let body = TranscriptReader.body(of: transcript.bytes)
        let botTicks = Double(options.bots * options.ticks)

        let full = best(options.reps) {
            let report = TranscriptVerifier.verify(
                transcriptBytes: transcript.bytes, attestation: attestation, publicKeys: keys)
            precondition(report.verified, "benchmark transcript must verify: \(String(describing: report.divergence))")
        }
        let integrity = best(options.reps) {
            let verifier = TranscriptVerifier(configuration: .init(replay: false))
            precondition(
                verifier.verify(transcriptBytes: transcript.bytes, attestation: attestation, publicKeys: keys).verified)
        }
        // The same records in format version 1 (one canonical frame per record), verified the same way.
        guard let version1 = TranscriptSizes.rewritten(transcript, version: TranscriptFormat.version1) else {
            print("audit bench: format 1 rewrite failed")
            return
        }
        let attestation1 = try key.sign(version1.manifest)
        if let directory = options.write {
            // The same run in format 1 beside it, for `arena-bench replay DIR/v1`.
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try FileManager.default.createDirectory(atPath: directory + "/v1", withIntermediateDirectories: true)
            try Data(version1.bytes).write(to: URL(fileURLWithPath: directory + "/v1/run.patx"))
            try attestation1.jsonData().write(to: URL(fileURLWithPath: directory + "/v1/run.attestation.json"))
            try encoder.encode(keys).write(to: URL(fileURLWithPath: directory + "/v1/keys.json"))
        }
        let full1 = best(options.reps) {
            precondition(
                TranscriptVerifier.verify(transcriptBytes: version1.bytes, attestation: attestation1, publicKeys: keys)
                    .verified)
        }
        let integrity1 = best(options.reps) {
            let verifier = TranscriptVerifier(configuration: .init(replay: false))
            precondition(
                verifier.verify(transcriptBytes: version1.bytes, attestation: attestation1, publicKeys: keys).verified)
        }
        // Writing the same records (encode, chain, pack, gzip): the runner's transcript cost.
        let write2 = best(options.reps) {
            _ = TranscriptWriterCost.write(records, transcript, TranscriptFormat.version)
        }
        let write1 = best(options.reps) {
            _ = TranscriptWriterCost.write(records, transcript, TranscriptFormat.version1)
        }
        let configuration = try transcript.header.configuration()
        let engine = best(options.reps) {
            var exchange = Exchange(configuration: configuration, seed: transcript.header.seed)
            var produced: [MarketEvent] = []
            produced.reserveCapacity(4_096)
            for record in records {
                produced.removeAll(keepingCapacity: true)
                for case .command(_, let command) in record.inputs { exchange.apply(command, into: &produced) }
                exchange.advance(into: &produced)
            }
            precondition(exchange.tick == Int64(records.count))
        }
        let sha = best(options.reps) { _ = SHA256.hash(data: body) }
        let inflate = best(options.reps) { _ = TranscriptReader.body(of: transcript.bytes) }

        let rate = { (time: Double) in Double(events) / time }
        print(
            "audit bench: \(options.bots) bots × \(options.ticks) ticks, seed \(options.seed), best of \(options.reps)")
        print(
            "  run: \(records.count) tick records, \(commands) commands, \(events) events (\(fmt(Double(events) / botTicks)) events/bot-tick), recorded in \(fmt(recordTime)) s"
        )
        print(
            "  transcript: \(transcript.bytes.count) B compressed, \(transcript.bodyByteCount) B raw (ratio \(fmt(Double(transcript.bodyByteCount) / Double(transcript.bytes.count))))"
        )
        print(
            "  bytes per 1,000 bot-ticks: \(fmt(Double(transcript.bytes.count) / botTicks * 1_000)) compressed, \(fmt(Double(transcript.bodyByteCount) / botTicks * 1_000)) raw"
        )
        print("  verify (full replay):        \(fmt(full)) s  \(fmt(rate(full) / 1e6)) M events/s")
        print("  verify (integrity only):     \(fmt(integrity)) s  \(fmt(rate(integrity) / 1e6)) M events/s")
        print(
            "  format 1, same records:      \(version1.bytes.count) B compressed (\(fmt(Double(version1.bytes.count) / Double(transcript.bytes.count)))× format 2), \(version1.bodyByteCount) B raw; "
                + "verify \(fmt(full1)) s full, \(fmt(integrity1)) s integrity only")
        print("  write the records (encode, chain, pack, gzip): format 2 \(fmt(write2)) s, format 1 \(fmt(write1)) s")
        print("  baseline engine replay only: \(fmt(engine)) s  \(fmt(rate(engine) / 1e6)) M events/s")
        print(
            "  baseline SHA-256 of body:    \(fmt(sha)) s  \(fmt(Double(body.count) / sha / 1e6)) MB/s = \(fmt(rate(sha) / 1e6)) M events/s"
        )
        print("  decompression:               \(fmt(inflate)) s  \(fmt(Double(body.count) / inflate / 1e6)) MB/s")
        print("  raw bytes by kind (plain event encoding, before order back-references): \(breakdown(records))")
        print(
            "  ratios: full verify / engine replay = \(fmt(full / engine)); integrity verify / SHA-256 = \(fmt(integrity / sha)); full verify / SHA-256 = \(fmt(full / sha))"
        )
    }

    /// Records a synthetic run: every bot quotes around mark, takes now and then, cancels.
    private static func record(_ options: Options, keyID: String) throws -> Transcript {
        let members = (0..<options.bots).map {
            HeatMember(
                slot: UInt32($0), teamID: "team-\($0)", label: "bot\($0)",
                submissionHash: String(repeating: "0", count: 64))
        }
        let header = try TranscriptHeader(
            engineVersion: "bench", runID: "bench", contestID: "bench", seed: options.seed, configuration: .standard,
            members: members, attestationKeyID: keyID)
        var recorder = try RunRecorder(header: header)
        var accounts: [AccountID] = []
        for member in members {
            for case .accountOpened(let account, _) in recorder.apply(
                .openAccount(deposit: .usdt(100_000)), origin: .system(slot: member.slot))
            {
                accounts.append(account)
            }
        }
        recorder.advance()
        var state = options.seed | 1
        func next(_ bound: UInt64) -> Int64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64((state >> 33) % bound)
        }
        let instruments = recorder.exchange.configuration.instruments.indices.map { InstrumentID(UInt16($0)) }
        for tick in 1..<options.ticks {
            for (slot, account) in accounts.enumerated() {
                let instrument = instruments[Int(next(UInt64(instruments.count)))]
                let mark = recorder.exchange.market(instrument).mark
                let side: Side = next(2) == 0 ? .buy : .sell
                let roll = next(10)
                let origin = InputOrigin.bot(slot: UInt32(slot))
                if roll < 6 {
                    let distance = 1 + next(40)
                    let price = Price(ticks: side == .buy ? mark.ticks - distance : mark.ticks + distance)
                    recorder.apply(
                        .placeOrder(
                            OrderRequest(
                                account: account, instrument: instrument, side: side, kind: .limit, price: price,
                                quantity: Quantity(lots: 5 + next(50)), timeInForce: .gtc, clientTag: UInt64(tick))),
                        origin: origin)
                } else if roll < 8 {
                    recorder.apply(
                        .placeOrder(
                            OrderRequest(
                                account: account, instrument: instrument, side: side, kind: .market, price: nil,
                                quantity: Quantity(lots: 5 + next(20)), timeInForce: .ioc, clientTag: UInt64(tick))),
                        origin: origin)
                } else if roll < 9 {
                    recorder.apply(.cancelAll(account: account, instrument: nil), origin: origin)
                }
            }
            recorder.advance()
        }
        return recorder.finish()
    }

    /// Share of the raw body per input and event kind, largest first.
    private static func breakdown(_ records: [TickRecord]) -> String {
        var bytes: [String: Int] = [:]
        var writer = CanonicalWriter()
        for record in records {
            for input in record.inputs {
                writer.removeAll()
                writer.write(input)
                let name = input.command.map { "cmd." + String(describing: $0).prefix { $0 != "(" } } ?? "input"
                bytes[name, default: 0] += writer.bytes.count
            }
            for event in record.events {
                writer.removeAll()
                writer.write(event)
                bytes[String(String(describing: event).prefix { $0 != "(" }), default: 0] += writer.bytes.count
            }
        }
        let total = Double(bytes.values.reduce(0, +))
        return bytes.sorted { $0.value > $1.value }.prefix(8)
            .map { "\($0.key) \(Int((Double($0.value) / total * 100).rounded()))%" }.joined(separator: ", ")
    }

    private static func best(_ reps: Int, _ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        var best = Double.infinity
        for _ in 0..<max(1, reps) {
            let start = clock.now
            body()
            best = min(best, seconds(clock.now - start))
        }
        return best
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func fmt(_ value: Double) -> String {
        let scaled = (value * 1_000).rounded() / 1_000
        return "\(scaled)"
    }
}
