import Foundation
import MarketEngine
import MarketModel
import Scoring

/// The verifier's pass over the tick records: chains every record and, until the first
/// divergence, replays it on a fresh engine and compares the events byte for byte.
struct ReplayState {
    var reader: TranscriptReader
    let market: MarketConfiguration?
    let configuration: TranscriptVerifierConfiguration
    var chain: HashChain
    var ticks = 0
    var events = 0
    var commands = 0
    var structureFailure: Divergence?
    var eventFailure: Divergence?
    var trailer: TranscriptReader.Trailer?
    var results: RunResults?
    var replayed = false
    /// Per member (header order): equity after every tick, starting with the opening deposit.
    var equity: [[Money]] = []
    private var openingDeposit: [Money?] = []
    private var memberIndex: [UInt32: Int] = [:]

    init(reader: TranscriptReader, market: MarketConfiguration?, configuration: TranscriptVerifierConfiguration) {
        self.reader = reader
        self.market = market
        self.configuration = configuration
        chain = HashChain(header: Array(reader.body[reader.headerRange]))
        if configuration.equityCurves {
            let members = reader.header.members
            equity = Array(repeating: [], count: members.count)
            openingDeposit = Array(repeating: nil, count: members.count)
            for (index, member) in members.enumerated() { memberIndex[member.slot] = index }
        }
    }

    /// Each member's equity metrics, once the replay completed with curves on.
    var teamEquity: [TeamEquity] {
        guard configuration.equityCurves, results != nil else { return [] }
        return zip(reader.header.members, equity).map { member, curve in
            TeamEquity(
                slot: member.slot, teamID: member.teamID, label: member.label, metrics: EquityMetrics(curve: curve))
        }
    }

    mutating func run() {
        var engine: (exchange: Exchange, calculator: ResultsCalculator)?
        if let market, configuration.replay {
            engine = (
                Exchange(configuration: market, seed: reader.header.seed),
                ResultsCalculator(members: reader.header.members, configuration: market)
            )
            replayed = true
        }
        var produced: [MarketEvent] = []
        produced.reserveCapacity(4096)
        var scratch = CanonicalWriter(capacity: 1 << 16)
        while true {
            let record: TranscriptTick
            do {
                guard let next = try reader.nextTick() else { break }
                record = next
            } catch {
                structureFailure = Divergence(
                    .malformedTranscript, tick: Int64(ticks),
                    message: "after \(ticks) tick records: \(error.description)")
                return
            }
            chain.append(record.bytes, range: record.range)
            ticks += 1
            guard eventFailure == nil, var current = engine else { continue }
            engine = nil
            do {
                try replay(record, &current.exchange, &current.calculator, &produced, &scratch)
            } catch {
                eventFailure = Divergence(.malformedTranscript, tick: current.exchange.tick, message: error.description)
            }
            engine = current
        }
        trailer = reader.trailer
        if let engine, eventFailure == nil {
            results = engine.calculator.results(engine.exchange, tickCount: Int64(ticks))
        }
    }

    private mutating func replay(
        _ recordBytes: TranscriptTick, _ exchange: inout Exchange, _ calculator: inout ResultsCalculator,
        _ produced: inout [MarketEvent], _ scratch: inout CanonicalWriter
    ) throws(TranscriptError) {
        let range = recordBytes.range
        var record: CanonicalReader
        let tick: Int64
        let inputs: [TickInput]
        if let decoded = recordBytes.record, let start = recordBytes.eventSection {
            // Version 2: already decoded; the canonical bytes' event section starts at `start`.
            record = CanonicalReader(recordBytes.bytes, range: start..<range.upperBound)
            (tick, inputs) = (decoded.tick, decoded.inputs)
        } else {
            record = CanonicalReader(recordBytes.bytes, range: range)
            (tick, inputs) = try TickRecord.readHead(&record)
        }
        guard tick == exchange.tick else {
            eventFailure = Divergence(
                .tickMismatch, tick: exchange.tick, expected: "tick \(exchange.tick)", found: "tick \(tick)",
                message: "the next record is for tick \(tick), the engine is at tick \(exchange.tick)"
                    + " (record dropped, reordered or inserted)")
            return
        }
        if let failure = Self.checkDecisions(inputs, tick: tick) {
            eventFailure = failure
            return
        }
        produced.removeAll(keepingCapacity: true)
        for input in inputs {
            if configuration.equityCurves, case .command(let origin, .openAccount(let deposit)) = input,
                let slot = origin.slot, let index = memberIndex[slot], openingDeposit[index] == nil
            {
                openingDeposit[index] = deposit
            }
            if case .command(_, let command) = input {
                let start = produced.count
                exchange.apply(command, into: &produced)
                commands += 1
                calculator.observe(input, events: produced[start...])
            } else {
                calculator.observe(input, events: produced[produced.endIndex...])
            }
        }
        let closing = produced.count
        exchange.advance(into: &produced)
        calculator.observe(produced[closing...])
        scratch.removeAll()
        TickRecord.writeEvents(produced, inputs: inputs, into: &scratch)
        let recorded = record.position..<range.upperBound
        let same =
            scratch.bytes.count == recorded.count
            && scratch.bytes.withUnsafeBytes { mine in
                recordBytes.bytes.withUnsafeBytes {
                    memcmp(mine.baseAddress!, $0.baseAddress! + recorded.lowerBound, recorded.count) == 0
                }
            }
        if configuration.equityCurves { sampleEquity(exchange, calculator) }
        if same {
            events += produced.count
        } else {
            eventFailure = try Self.locate(tick: tick, produced: produced, inputs: inputs, recorded: &record)
        }
    }

    /// Appends every member's equity after this tick, as the runner samples it (the opening
    /// deposit first; zero for a member without an account).
    private mutating func sampleEquity(_ exchange: Exchange, _ calculator: ResultsCalculator) {
        let accounts = calculator.accounts
        for index in equity.indices {
            if equity[index].isEmpty { equity[index].append(openingDeposit[index] ?? .zero) }
            equity[index].append(accounts[index].flatMap { exchange.equity(of: $0) } ?? .zero)
        }
    }

    /// Every decision of the tick must match its recorded digest and be bound only to orders its
    /// bot sent in the same tick (placed, or refused at the boundary).
    static func checkDecisions(_ inputs: [TickInput], tick: Int64) -> Divergence? {
        var sent: Set<[UInt64]> = []
        var hasDecision = false
        for input in inputs {
            switch input {
            case .command(.bot(let slot), .placeOrder(let request)) where request.clientTag != 0:
                sent.insert([UInt64(slot), request.clientTag])
            case .botRejected(let slot, let tag, _) where tag != 0:
                sent.insert([UInt64(slot), tag])
            case .decision: hasDecision = true
            default: break
            }
        }
        guard hasDecision else { return nil }
        for (index, input) in inputs.enumerated() {
            guard case .decision(let slot, let decision, let digest) = input else { continue }
            let actual = decision.digest
            if actual != digest {
                return Divergence(
                    .decisionMismatch, tick: tick, expected: actual.hex, found: digest.hex,
                    message: "the decision of slot \(slot) (input \(index) of tick \(tick)) does not match its "
                        + "recorded digest: it was changed after the run")
            }
            for id in decision.clientIDs where !sent.contains([UInt64(slot), id]) {
                return Divergence(
                    .decisionMismatch, tick: tick, expected: "an order with client_id \(id) from slot \(slot)",
                    found: "(none)",
                    message: "the decision of slot \(slot) at tick \(tick) is bound to client_id \(id), "
                        + "which that bot did not send in that tick")
            }
        }
        return nil
    }

    /// Decodes the recorded events to name the first one that differs.
    private static func locate(
        tick: Int64, produced: [MarketEvent], inputs: [TickInput], recorded: inout CanonicalReader
    ) throws(TranscriptError) -> Divergence {
        var references = OrderRequestReferences(inputs)
        let count = try recorded.readCount()
        for index in 0..<max(count, produced.count) {
            guard index < count else {
                return Divergence(
                    .missingEvent, tick: tick, eventIndex: index, expected: describe(produced[index]), found: "(none)",
                    message: "the engine produced event \(index) of tick \(tick); the transcript has only \(count)")
            }
            let event: MarketEvent
            do {
                event = try references.read(from: &recorded)
            } catch {
                return Divergence(
                    .eventMismatch, tick: tick, eventIndex: index,
                    expected: index < produced.count ? describe(produced[index]) : "(none)",
                    found: "undecodable: \(error.message)",
                    message: "event \(index) of tick \(tick) does not decode")
            }
            guard index < produced.count else {
                return Divergence(
                    .unexpectedEvent, tick: tick, eventIndex: index, expected: "(none)", found: describe(event),
                    message:
                        "the transcript has event \(index) of tick \(tick); the engine produced only \(produced.count)")
            }
            if event != produced[index] {
                return Divergence(
                    .eventMismatch, tick: tick, eventIndex: index, expected: describe(produced[index]),
                    found: describe(event),
                    message: "event \(index) of tick \(tick) differs from the replay")
            }
        }
        return Divergence(.eventMismatch, tick: tick, message: "the events of tick \(tick) are encoded non-canonically")
    }

    /// An event as readable text.
    static func describe(_ event: MarketEvent) -> String {
        String(describing: event).replacingOccurrences(of: "MarketModel.", with: "")
    }
}
