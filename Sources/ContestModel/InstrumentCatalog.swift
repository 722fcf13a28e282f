public import MarketModel

/// The built-in instruments contests may list.
public enum InstrumentCatalog {
    public static let all: [InstrumentSpec] = [.btcPerp, .ethPerp]
    public static var symbols: [String] { all.map(\.symbol) }
    public static func spec(_ symbol: String) -> InstrumentSpec? { all.first { $0.symbol == symbol } }
}
