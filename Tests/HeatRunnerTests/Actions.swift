import BotProtocol
import MarketModel

/// Bot actions used by the scripts.
enum Actions {
    static func buy(_ quantity: String, clientID: UInt64) -> BotAction {
        .place(
            PlaceOrder(
                symbol: "BTC-PERP", side: .buy, kind: .market, price: nil, quantity: quantity, clientID: clientID))
    }

    /// A small resting bid (within the ±5 % band when `price` is near the 60 000 start).
    static func bid(price: String, clientID: UInt64) -> BotAction {
        .place(
            PlaceOrder(symbol: "BTC-PERP", side: .buy, kind: .limit, price: price, quantity: "0.01", clientID: clientID)
        )
    }

    /// Always reaches the engine, whatever the market does.
    static let setLeverage = BotAction.setLeverage(symbol: "BTC-PERP", leverage: 5)
}
