/// Everything the evaluator runs, produced by the checker.
struct Program: Sendable {
    var operations: [Operation] = []
    var layout: SlotLayout
    var prelude: [PreludeStep] = []
    var indicators: [IndicatorSite] = []
    var rules: [CompiledRule] = []
    var risk: RiskSettings
    /// Initial values of the state slots, in order.
    var stateInitial: [Double] = []
    /// Deepest evaluation stack any expression needs.
    var maxStack = 1
    /// Per-market fixed steps charged each tick (loading inputs, risk checks).
    static let perMarketSteps = 24
    static let baseSteps = 8
}
