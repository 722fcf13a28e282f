// The document's definitions as written, before checking: rules and their actions, order
// options, log messages, params, lets and state, risk settings, names. Small types that read
// together live in one file here; the one-type-per-file rule yields to issue 12's request to fold
// the 5–7-line AST files.

import MarketModel

/// One entry of `rules:`: a condition and the actions run when it holds.
struct RuleDefinition: Hashable, Sendable {
    var name: String
    var location: SourceLocation
    /// `nil` means the rule runs every tick.
    var condition: Expression?
    var actions: [ActionDefinition]
}

/// One action of a rule, with its location.
struct ActionDefinition: Hashable, Sendable {
    var kind: ActionKind
    var location: SourceLocation
    /// The action's key, e.g. `buy`.
    var keyword: String
}

/// What one action under `do:` does.
enum ActionKind: Hashable, Sendable {
    case order(Side, OrderOptions)
    case target(OrderOptions)
    /// Closes the position on one market, or on all when `nil`.
    case close(NameReference?)
    /// Cancels resting orders on one market, or on all when `nil`.
    case cancelAll(NameReference?)
    case setLeverage(NameReference?, Expression)
    case assign([NamedExpression])
    case log([LogPiece])
}

/// The options of `buy`, `sell` and `target_position`.
struct OrderOptions: Hashable, Sendable {
    /// Quantity in coins (`buy`/`sell`, positive) or the signed target position.
    var size: Expression
    var market: NameReference?
    /// Limit price; buy prices round down onto the tick grid, sell prices up.
    var price: Expression?
    /// Limit price as a distance from mid (below for buys, above for sells).
    var offset: Expression?
    var postOnly = false
    var timeInForce: TimeInForce?
    var reduceOnly = false
}

/// Part of a `log` message: literal text or an interpolated `{expression}`.
enum LogPiece: Hashable, Sendable {
    case text(String)
    case value(Expression)
}

/// A constant under `params:`; a number or a boolean.
struct ParameterDefinition: Hashable, Sendable {
    var name: String
    var location: SourceLocation
    var value: Double
    var isBool: Bool
}

/// A `let` definition or a `state` variable's initial value.
struct NamedExpression: Hashable, Sendable {
    var name: String
    var location: SourceLocation
    var expression: Expression
}

/// A name written in the document (a market alias, a state variable), with its location.
struct NameReference: Hashable, Sendable {
    var name: String
    var location: SourceLocation
}

/// The `risk:` block as written.
struct RiskDefinition: Hashable, Sendable {
    var maxLeverage: NumberSetting?
    var maxPositionNotional: NumberSetting?
    var stopLoss: NumberSetting?
    var takeProfit: NumberSetting?
    var maxOrdersPerTick: NumberSetting?
}

/// A constant numeric setting (under `risk:`), with its location.
struct NumberSetting: Hashable, Sendable {
    var value: Double
    var location: SourceLocation
    var text: String
}
