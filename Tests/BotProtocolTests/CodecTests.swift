import BotProtocol
import Foundation
import MarketModel
import Testing

@Suite("Bot protocol codec")
struct CodecTests {
    let codec = BotProtocolCodec(limits: CodecLimits(maxLineBytes: 1024, maxActionsPerTick: 3, maxDepth: 6))

    func decode(_ text: String) throws(ProtocolError) -> BotMessage {
        try codec.decodeBotLine(Array(text.utf8))
    }

    func code(_ text: String) -> ProtocolError.Code? {
        do {
            _ = try decode(text)
            return nil
        } catch {
            return error.code
        }
    }

    @Test func decodesActionsOfEveryKind() throws {
        let line = #"{"type":"actions","tick":7,"actions":[{"action":"place","symbol":"BTC-PERP","side":"buy","type":"limit","price":"67250.1","quantity":"0.015","tif":"post_only","reduce_only":false,"client_id":42},{"action":"cancel","symbol":"BTC-PERP","order_id":9},{"action":"cancel_all"}]}"#
        let message = try decode(line)
        let expected = BotMessage.actions(
            Actions(
                tick: 7,
                actions: [
                    .place(
                        PlaceOrder(
                            symbol: "BTC-PERP", side: .buy, kind: .limit, price: "67250.1", quantity: "0.015",
                            timeInForce: .postOnly, reduceOnly: false, clientID: 42)),
                    .cancel(symbol: "BTC-PERP", orderID: 9),
                    .cancelAll(symbol: nil),
                ]))
        #expect(message == expected)
        let leverage = try decode(#"{"type":"actions","tick":1,"actions":[{"action":"set_leverage","symbol":"ETH-PERP","leverage":5}]}"#)
        #expect(leverage == .actions(Actions(tick: 1, actions: [.setLeverage(symbol: "ETH-PERP", leverage: 5)])))
    }

    @Test func decodesLogsAndIgnoresUnknownFields() throws {
        #expect(try decode(#"{"type":"log","message":"hi","extra":{"a":1}}"#) == .log(LogMessage(message: "hi")))
    }

    @Test func marketOrdersDefaultToIOC() throws {
        let order = PlaceOrder(symbol: "X", side: .sell, kind: .market, price: nil, quantity: "1")
        #expect(order.effectiveTimeInForce == .ioc)
    }

    @Test(arguments: [
        ("", ProtocolError.Code.emptyLine),
        ("not json", .malformedJSON),
        ("[1,2]", .malformedJSON),
        (#"{"type":"actions","tick":1,"actions":[]} {"#, .malformedJSON),
        (#"{"type":"actions","tick":NaN,"actions":[]}"#, .malformedJSON),
        (#"{"type":"actions","tick":Infinity,"actions":[]}"#, .malformedJSON),
        (#"{"type":"bogus"}"#, .unknownType),
        (#"{"type":"actions","actions":[]}"#, .invalidMessage),
        (#"{"type":"actions","tick":"1","actions":[]}"#, .invalidMessage),
        (#"{"type":"actions","tick":1,"actions":[{"action":"explode"}]}"#, .invalidMessage),
        (#"{"type":"actions","tick":1,"actions":[{"action":"cancel_all"},{"action":"cancel_all"},{"action":"cancel_all"},{"action":"cancel_all"}]}"#, .tooManyActions),
        (#"{"type":"log","message":[[[[[[["deep"]]]]]]]}"#, .tooDeep),
        (#"{"type":"actions","tick":1,"actions":[{"action":"place","symbol":"X","side":"buy","type":"limit","price":"NaN","quantity":"1"}]}"#, .invalidDecimal),
        (#"{"type":"actions","tick":1,"actions":[{"action":"place","symbol":"X","side":"buy","type":"limit","price":"1e5","quantity":"1"}]}"#, .invalidDecimal),
        (#"{"type":"actions","tick":1,"actions":[{"action":"place","symbol":"X","side":"buy","type":"market","quantity":1}]}"#, .invalidMessage),
    ])
    func rejects(line: String, expected: ProtocolError.Code) {
        #expect(code(line) == expected)
    }

    @Test func rejectsLongLines() {
        let line = #"{"type":"log","message":""# + String(repeating: "x", count: 2000) + #""}"#
        #expect(code(line) == .lineTooLong)
    }

    @Test func bracketsInsideStringsDoNotCountAsDepth() throws {
        #expect(try decode(#"{"type":"log","message":"[[[[[[[[[[{{{{{{{{\"]]]"}"#) == .log(LogMessage(message: "[[[[[[[[[[{{{{{{{{\"]]]")))
    }

    @Test func hostMessagesRoundTripAsOneLine() throws {
        let hello = HostMessage.hello(
            Hello(
                contestID: "c1", team: "t", instruments: [InstrumentInfo(.btcPerp)], limits: ProtocolLimits(),
                startingBalance: "10000", ticksTotal: 100))
        let line = try codec.encode(hello)
        #expect(line.last == UInt8(ascii: "\n"))
        #expect(!line.dropLast().contains(UInt8(ascii: "\n")))
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.hasPrefix(#"{"type":"hello""#) || text.contains(#""type":"hello""#))
        #expect(text.contains(#""tick_size":"0.1""#))
        #expect(text.contains(#""lot_size":"0.001""#))
        #expect(text.contains(#""maker_fee":"0.0002""#))
        #expect(try codec.decodeHostLine(Array(line.dropLast())) == hello)
    }

    @Test func observationEncodesBookLevelsAsPairs() throws {
        let observation = Observation(
            tick: 3, timeMs: 1000,
            markets: [
                MarketView(
                    symbol: "BTC-PERP", mark: "1", index: "1", last: nil, fundingRate: "0", nextFundingTick: 600,
                    openInterest: "0", volume: "0", bids: [BookLevel(price: "1.5", quantity: "2")], asks: [],
                    trades: [TradeView(price: "1", quantity: "0.1", side: .sell)])
            ],
            account: AccountView(
                balance: "1", equity: "1", available: "1", marginRatio: "0",
                positions: [
                    PositionView(
                        symbol: "BTC-PERP", size: "-0.5", entryPrice: "1", unrealizedPnL: "0", liquidationPrice: nil,
                        leverage: 10, marginMode: .cross)
                ], rejections: [RejectionView(clientID: 4, reason: "insufficient_margin")]))
        let line = try codec.encode(.observation(observation))
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.contains(#""bids":[["1.5","2"]]"#))
        #expect(text.contains(#""trades":[{"#))
        #expect(text.contains(#""qty":"0.1""#))
        #expect(try codec.decodeHostLine(Array(line.dropLast())) == .observation(observation))
    }

    @Test func botMessagesEncodeWithTheirType() throws {
        let line = try codec.encode(BotMessage.actions(Actions(tick: 2, actions: [.cancelAll(symbol: "BTC-PERP")])))
        let text = String(decoding: line.dropLast(), as: UTF8.self)
        #expect(try decode(text) == .actions(Actions(tick: 2, actions: [.cancelAll(symbol: "BTC-PERP")])))
        #expect(text.contains(#""action":"cancel_all""#))
    }

    @Test(arguments: ["1", "0.015", "-3.5", "67250.1"]) func acceptsDecimals(text: String) {
        #expect(DecimalText.isValid(text))
    }

    @Test(arguments: ["", "-", ".5", "5.", "1e5", "NaN", "Infinity", " 1", "1.2.3", "+1", "0x10"])
    func rejectsNonDecimals(text: String) {
        #expect(!DecimalText.isValid(text))
    }
}
