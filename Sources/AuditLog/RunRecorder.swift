public import MarketEngine
public import MarketModel

/// Drives an ``Exchange`` and records everything into a transcript, so that what the runner does
/// is exactly what ``TranscriptVerifier`` replays.
///
/// Per tick: call ``apply(_:origin:)`` for each command in processing order and ``record(_:)`` for
/// timeouts, faults and boundary rejections, then ``advance()`` once. Finish with ``finish()``.
public struct RunRecorder: Sendable {
    /// The engine (read it for observations; mutate it only through the recorder). Do not keep a
    /// copy of it alive across ``apply(_:origin:)`` or ``advance()``: copy-on-write would then
    /// duplicate the whole engine state on every mutation.
    public private(set) var exchange: Exchange
    private var writer: TranscriptWriter
    private var calculator: ResultsCalculator
    private var inputs: [TickInput] = []
    private var events: [MarketEvent] = []

    /// Starts a run described by `header` (the engine is built from its embedded configuration).
    public init(
        header: TranscriptHeader, writer configuration: TranscriptWriter.Configuration = .init()
    ) throws(TranscriptError) {
        let market = try header.configuration()
        exchange = Exchange(configuration: market, seed: header.seed)
        writer = TranscriptWriter(header: header, configuration: configuration)
        calculator = ResultsCalculator(members: header.members, configuration: market)
    }

    /// Applies `command` within the current tick, records it with its origin, returns its events.
    @discardableResult
    public mutating func apply(_ command: MarketCommand, origin: InputOrigin) -> ArraySlice<MarketEvent> {
        let start = events.count
        exchange.apply(command, into: &events)
        let input = TickInput.command(origin: origin, command)
        inputs.append(input)
        calculator.observe(input, events: events[start...])
        return events[start...]
    }

    /// Records an input that does not reach the engine (timeout, fault, boundary rejection).
    public mutating func record(_ input: TickInput) {
        precondition(input.command == nil, "commands go through apply(_:origin:)")
        inputs.append(input)
        calculator.observe(input, events: [])
    }

    /// Closes the tick: `advance()`, append the tick record; returns the end-of-tick events.
    @discardableResult
    public mutating func advance() -> ArraySlice<MarketEvent> {
        let tick = exchange.tick
        let start = events.count
        exchange.advance(into: &events)
        calculator.observe(events[start...])
        writer.append(TickRecord(tick: tick, inputs: inputs, events: events))
        let closing = Array(events[start...])
        inputs.removeAll(keepingCapacity: true)
        events.removeAll(keepingCapacity: true)
        return closing[...]
    }

    /// Ticks recorded so far.
    public var tickCount: Int { writer.tickCount }

    /// Computes the results and returns the finished transcript. Inputs of an unfinished tick
    /// (applied after the last ``advance()``) are not recorded; call ``advance()`` first.
    public func finish() -> Transcript {
        writer.finish(results: calculator.results(exchange, tickCount: Int64(writer.tickCount)))
    }
}
