/// An account-wide value readable in expressions.
enum AccountField: Int, CaseIterable, Sendable {
    /// Wallet balance plus unrealised PnL, USDT.
    case equity
    /// Wallet balance, USDT.
    case balance
    /// Maintenance margin / equity, as a fraction.
    case marginRatio
    /// The tick number.
    case tick

    var name: String {
        switch self {
        case .equity: "equity"
        case .balance: "balance"
        case .marginRatio: "margin_ratio"
        case .tick: "tick"
        }
    }

    static let byName: [String: AccountField] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })
}
