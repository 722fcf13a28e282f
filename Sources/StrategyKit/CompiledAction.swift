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
