/// Stable, machine-readable category of a `StrategyError` (snake_case in JSON).
public enum StrategyErrorCode: String, Hashable, Sendable, Codable, CaseIterable {
    /// The file could not be read.
    case unreadable = "unreadable"
    /// The input exceeds the size limits (bytes, lines, expression length, counts).
    case inputTooLarge = "input_too_large"
    /// Nesting (YAML or expression) exceeds the depth limit.
    case nestingTooDeep = "nesting_too_deep"
    /// The text is not valid YAML.
    case yamlSyntax = "yaml_syntax"
    /// Valid YAML but not a valid strategy document (unknown key, wrong shape, missing field).
    case schema = "schema"
    /// An expression could not be parsed.
    case expressionSyntax = "expression_syntax"
    /// A name (function, series, parameter, variable, market) is not defined.
    case unknownName = "unknown_name"
    /// A market symbol is not traded in this contest.
    case unknownInstrument = "unknown_instrument"
    /// A value has the wrong type (number vs. boolean vs. market).
    case typeMismatch = "type_mismatch"
    /// A value is out of its allowed range (negative lookback, leverage above the cap, ...).
    case invalidValue = "invalid_value"
    /// A lookback exceeds the contest's `maxLookback`.
    case lookbackTooLong = "lookback_too_long"
    /// The per-tick cost cannot be bounded (e.g. a lookback that is not a constant).
    case unboundedCost = "unbounded_cost"
    /// The per-tick cost bound exceeds the contest's `maxStepsPerTick`.
    case costTooHigh = "cost_too_high"
    /// `let` definitions refer to each other in a cycle.
    case cyclicDefinition = "cyclic_definition"
    /// The document's runtime is not `rules`.
    case unsupportedRuntime = "unsupported_runtime"
    /// The instruments handed to the evaluator do not contain the strategy's markets.
    case instrumentMismatch = "instrument_mismatch"
}
