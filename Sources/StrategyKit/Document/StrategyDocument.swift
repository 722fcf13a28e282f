/// A parsed `strategy.yaml`: syntactically valid, not yet checked against a contest.
///
/// Parse with `StrategyDocument.parse(yaml:fileName:)` or `load(path:)`, then hand it to
/// `StrategyChecker.check(_:limits:)`.
public struct StrategyDocument: Sendable {
    /// The strategy's `name`.
    public var name: String
    /// `rules`, `python` or `exec`. Only `rules` documents can be checked and evaluated.
    public var runtime: StrategyRuntime
    /// The runtime as written (`python-ml` for a `python` document using that runtime).
    public var runtimeName: String = "rules"
    /// Program path inside the bundle for `python`/`exec` bundles.
    public var entry: String?
    /// The markets traded, in document order; the first is the default market of actions.
    public var markets: [MarketBinding]
    /// The file name used in diagnostics.
    public var fileName: String { source.fileName }

    let source: SourceText
    var parameters: [ParameterDefinition] = []
    var lets: [NamedExpression] = []
    var states: [NamedExpression] = []
    var rules: [RuleDefinition] = []
    var risk = RiskDefinition()
    var nameLocation = SourceLocation.start
    var rulesLocation = SourceLocation.start

    init(name: String, runtime: StrategyRuntime, source: SourceText) {
        self.name = name
        self.runtime = runtime
        self.markets = []
        self.source = source
    }

    /// Parses a strategy document.
    ///
    /// - Parameters:
    ///   - yaml: the document text.
    ///   - fileName: the name shown in diagnostics (e.g. `Seeds/strategies/grid/strategy.yaml`).
    /// - Throws: `StrategyError` with every located problem found (YAML syntax, unknown keys,
    ///   malformed expressions, limits on size and nesting).
    public static func parse(yaml: String, fileName: String) throws(StrategyError) -> StrategyDocument {
        let source = SourceText(fileName: fileName, text: yaml)
        if let (code, diagnostic) = InputGuard.check(yaml, source: source) {
            throw StrategyError(code: code, diagnostics: [diagnostic])
        }
        var reader = DocumentReader(source: source)
        return try reader.read(yaml)
    }
}
