import MarketBackground
import MarketModel

/// The `priceStep` output line: the intermediate quantities of one price step, for checking a
/// single step against its textbook formula. Floating-point values print in Swift's shortest
/// round-trip form (the same digits on every platform).
enum PriceStepLine {
    static func line(tick: Int64, symbol: String, spec: InstrumentSpec, trace: PriceStepTrace) -> JSONValue {
        .object([
            ("tick", .int(tick)), ("type", .string("priceStep")), ("instrument", .string(symbol)),
            ("step", .int(Int64(trace.step))),
            ("indexBefore", .string(spec.decimal(Price(ticks: trace.ticksBefore)))),
            ("indexAfter", .string(spec.decimal(Price(ticks: trace.ticksAfter)))),
            ("logReturn", .string("\(trace.logReturn)")), ("variance", .string("\(trace.variance)")),
            ("regime", .string(trace.regime == 0 ? "calm" : "stressed")), ("normal", .string("\(trace.normal)")),
            ("jumps", .int(Int64(trace.jumpCount))), ("jumpSum", .string("\(trace.jumpSum)")),
            ("injected", .bool(trace.injected)),
        ])
    }
}
