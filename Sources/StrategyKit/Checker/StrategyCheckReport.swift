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

    /// Parses and checks the bundle or file at `path` against `limits`, in one pass (see
    /// ``check(yaml:fileName:limits:)``).
    public static func check(path: String, limits: CheckLimits) -> StrategyCheckReport {
        do {
            let (text, file) = try StrategyDocument.text(path: path)
            return check(yaml: text, fileName: file, limits: limits)
        } catch {
            return failure(error, limits: limits)
        }
    }

    /// Parses and checks a document in one pass: the problems of its shape (unknown keys, missing
    /// fields, malformed expressions) and of its rules (unknown names with the closest valid one,
    /// types, lookbacks, cost) are reported together, sorted by position. Only a document that
    /// cannot be read at all (invalid YAML, too large) stops before the checker.
    public static func check(yaml: String, fileName: String, limits: CheckLimits) -> StrategyCheckReport {
        let source = SourceText(fileName: fileName, text: yaml)
        if let (code, diagnostic) = InputGuard.check(yaml, source: source) {
            return failure(StrategyError(code: code, diagnostics: [diagnostic]), limits: limits)
        }
        var reader = DocumentReader(source: source)
        let document: StrategyDocument
        do {
            document = try reader.readCollecting(yaml)
        } catch {
            return failure(error, limits: limits)
        }
        guard document.runtime == .rules, !document.markets.isEmpty else {
            // Without markets the rules cannot be checked meaningfully: the reader's problems only.
            guard let error = reader.sink.makeError() else { return check(document, limits: limits) }
            var report = failure(error, limits: limits)
            report.name = document.name.isEmpty ? nil : document.name
            report.runtime = document.runtime
            return report
        }
        var report = StrategyCheckReport(
            ok: true, name: document.name, runtime: document.runtime, markets: document.markets.map(\.symbol),
            costBound: nil, stepBudget: limits.maxStepsPerTick, warmupTicks: nil, errorCode: nil, diagnostics: [])
        var compiler = StrategyCompiler(document: document, limits: limits, earlier: reader.sink)
        do {
            let strategy = try compiler.compile()
            report.costBound = strategy.costBound
            report.warmupTicks = strategy.warmupTicks
        } catch {
            report.ok = false
            report.errorCode = error.code
            report.diagnostics = error.diagnostics
        }
        return report
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
