/// Where each value lives in the evaluator's slot array:
/// market fields, account fields, state variables, lets, then indicators.
struct SlotLayout: Sendable {
    var marketCount: Int
    var stateCount: Int
    var letCount: Int

    static let fieldsPerMarket = MarketField.allCases.count

    func market(_ index: Int, _ field: MarketField) -> Int { index * Self.fieldsPerMarket + field.rawValue }
    func account(_ field: AccountField) -> Int { marketCount * Self.fieldsPerMarket + field.rawValue }
    var stateBase: Int { marketCount * Self.fieldsPerMarket + AccountField.allCases.count }
    var letBase: Int { stateBase + stateCount }
    var indicatorBase: Int { letBase + letCount }
    func total(indicators: Int) -> Int { indicatorBase + indicators }
}
