// What the compiler emits besides the instructions: code ranges, the per-tick prelude, rules,
// actions, orders and log pieces. Small types that read together live in one file here; the
// one-type-per-file rule yields to issue 12's request to fold the 5–7-line AST files.

import MarketModel

/// A compiled expression: a range of the program's instructions leaving one value on the stack.
struct CodeRange: Hashable, Sendable {
    var start: Int
    var end: Int
    var type: ValueType

    /// Instructions in the range; each executed instruction costs one step.
    var cost: Int { end - start }
}

/// Work done every tick before the rules, in dependency order.
enum PreludeStep: Sendable {
    /// Evaluates a `let` into its slot.
    case define(slot: Int, code: CodeRange)
    /// Feeds an indicator its inputs and stores its value (index into the indicator sites).
    case update(Int)
}

/// A compiled rule.
struct CompiledRule: Sendable {
    var name: String
    var condition: CodeRange?
    var actions: [CompiledAction]
    /// The `when` text, for decisions.
    var conditionText = ""
    /// The names the condition reads, each compiled on its own (not charged: read for decisions only).
    var inputs: [(name: String, code: CodeRange)] = []

    func cost(markets: Int) -> Int {
        2 + (condition?.cost ?? 0) + actions.reduce(0) { $0 + $1.cost(markets: markets) }
    }
}

/// A compiled action; markets are strategy market indexes, `nil` meaning all markets.
enum CompiledAction: Sendable {
    case order(CompiledOrder)
    case close(Int?)
    case cancelAll(Int?)
    case setLeverage(Int?, CodeRange)
    /// State slot and value, assigned in order.
    case assign([(slot: Int, code: CodeRange)])
    case log([CompiledLogPiece])

    /// Static steps charged for the action (its expressions plus a fixed part), given `markets`.
    func cost(markets: Int) -> Int {
        switch self {
        case .order(let order): order.cost
        case .close(let market), .cancelAll(let market): 4 * (market == nil ? markets : 1)
        case .setLeverage(let market, let code): code.cost + 4 * (market == nil ? markets : 1)
        case .assign(let pairs): pairs.reduce(0) { $0 + $1.code.cost + 1 }
        case .log(let pieces):
            8
                + pieces.reduce(0) { total, piece in
                    if case .value(let code) = piece { return total + code.cost + 2 }
                    return total + 1
                }
        }
    }
}

/// A compiled `buy`/`sell`/`target_position`.
struct CompiledOrder: Sendable {
    /// Strategy market index.
    var market: Int
    /// `nil` for `target_position` (the side follows from the difference).
    var side: Side?
    var size: CodeRange
    var price: CodeRange?
    var offset: CodeRange?
    var timeInForce: TimeInForce?
    var postOnly: Bool
    var reduceOnly: Bool

    var cost: Int { 6 + size.cost + (price?.cost ?? 0) + (offset?.cost ?? 0) }
}

/// Part of a compiled `log` message.
enum CompiledLogPiece: Sendable {
    case text(String)
    case value(CodeRange)
}
