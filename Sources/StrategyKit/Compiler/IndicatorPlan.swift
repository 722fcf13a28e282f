/// What the evaluator needs each tick to feed one indicator: plain values, no references, so the
/// per-tick loop does no reference counting.
struct IndicatorPlan: Sendable {
    var isVolumeWeighted: Bool
    var input: CodeRange
    var secondInput: CodeRange?
    var market: Int
    var slot: Int
    /// Steps charged for the update itself (inputs are charged as they run).
    var updateCost: Int

    init(site: IndicatorSite) {
        isVolumeWeighted = site.kind == .vwap
        input = site.inputs.first ?? CodeRange(start: 0, end: 0, type: .number)
        secondInput = site.inputs.count > 1 ? site.inputs[1] : nil
        market = site.market
        slot = site.slot
        updateCost = site.kind.cost(lookbacks: site.lookbacks)
    }
}
