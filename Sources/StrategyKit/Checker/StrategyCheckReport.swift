/// The outcome of statically checking a bundle: what `arena check` prints and what the server
/// can store as a submission's validation report.
public struct StrategyCheckReport: Hashable, Sendable, Codable {
    /// The document parsed and, for `rules`, checked without problems.
    public var ok: Bool
    /// The document's `name`, when it parsed.
    public var name: String?
    /// The document's runtime, when it parsed.
    public var runtime: StrategyRuntime?
    /// Instrument symbols traded.
    public var markets: [String]
    /// Steps per tick, for `rules` strategies that checked.
    public var costBound: Int?
    /// The contest's step budget per tick.
    public var stepBudget: Int
    /// Ticks before every indicator has enough history.
    public var warmupTicks: Int?
    /// The error category when `ok` is false.
    public var errorCode: StrategyErrorCode?
    /// Every problem found; empty when `ok`.
    public var diagnostics: [Diagnostic]

    /// Parses and checks the bundle or file at `path` against `limits`.
    public static func check(path: String, limits: CheckLimits) -> StrategyCheckReport {
        let document: StrategyDocument
        do {
            document = try StrategyDocument.load(path: path)
        } catch {
            return failure(error, limits: limits)
        }
        return check(document, limits: limits)
    }

    /// Checks an already parsed document against `limits` (`python`/`exec` documents only parse).
    public static func check(_ document: StrategyDocument, limits: CheckLimits) -> StrategyCheckReport {
        var report = StrategyCheckReport(
            ok: true, name: document.name, runtime: document.runtime, markets: document.markets.map(\.symbol),
            costBound: nil, stepBudget: limits.maxStepsPerTick, warmupTicks: nil, errorCode: nil, diagnostics: [])
        guard document.runtime == .rules else { return report }
        do {
            let strategy = try StrategyChecker.check(document, limits: limits)
            report.costBound = strategy.costBound
            report.warmupTicks = strategy.warmupTicks
        } catch {
            report.ok = false
            report.errorCode = error.code
            report.diagnostics = error.diagnostics
        }
        return report
    }

    private static func failure(_ error: StrategyError, limits: CheckLimits) -> StrategyCheckReport {
        StrategyCheckReport(
            ok: false, name: nil, runtime: nil, markets: [], costBound: nil, stepBudget: limits.maxStepsPerTick,
            warmupTicks: nil, errorCode: error.code, diagnostics: error.diagnostics)
    }

    /// A human summary: the diagnostics compiler-style, or one line describing the strategy.
    public var summary: String {
        guard ok else {
            let count = diagnostics.count
            return diagnostics.map(\.description).joined(separator: "\n\n")
                + "\n\n\(count) error\(count == 1 ? "" : "s")"
        }
        var line = "ok: \(name ?? "strategy") (runtime \(runtime?.rawValue ?? "?"))"
        if !markets.isEmpty { line += ", markets \(markets.joined(separator: ", "))" }
        if let costBound { line += ", at most \(costBound) of \(stepBudget) steps per tick" }
        if let warmupTicks, warmupTicks > 0 { line += ", warm-up \(warmupTicks) ticks" }
        return line
    }
}
