import Foundation
import MarketModel
import Testing

@testable import BotProtocol

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
        let line =
            #"{"type":"actions","tick":7,"actions":[{"action":"place","symbol":"BTC-PERP","side":"buy","type":"limit","price":"67250.1","quantity":"0.015","tif":"post_only","reduce_only":false,"client_id":42},{"action":"cancel","symbol":"BTC-PERP","order_id":9},{"action":"cancel_all"}]}"#
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
        let leverage = try decode(
            #"{"type":"actions","tick":1,"actions":[{"action":"set_leverage","symbol":"ETH-PERP","leverage":5}]}"#)
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
        (
            #"{"type":"actions","tick":1,"actions":[{"action":"cancel_all"},{"action":"cancel_all"},{"action":"cancel_all"},{"action":"cancel_all"}]}"#,
            .tooManyActions
        ),
        (#"{"type":"log","message":[[[[[[["deep"]]]]]]]}"#, .tooDeep),
        (
            #"{"type":"actions","tick":1,"actions":[{"action":"place","symbol":"X","side":"buy","type":"limit","price":"NaN","quantity":"1"}]}"#,
            .invalidDecimal
        ),
        (
            #"{"type":"actions","tick":1,"actions":[{"action":"place","symbol":"X","side":"buy","type":"limit","price":"1e5","quantity":"1"}]}"#,
            .invalidDecimal
        ),
        (
            #"{"type":"actions","tick":1,"actions":[{"action":"place","symbol":"X","side":"buy","type":"market","quantity":1}]}"#,
            .invalidMessage
        ),
    ])
    func rejects(line: String, expected: ProtocolError.Code) {
        #expect(code(line) == expected)
    }

    @Test func rejectsLongLines() {
        let line = #"{"type":"log","message":""# + String(repeating: "x", count: 2000) + #""}"#
        #expect(code(line) == .lineTooLong)
    }

    @Test func bracketsInsideStringsDoNotCountAsDepth() throws {
        #expect(
            try decode(#"{"type":"log","message":"[[[[[[[[[[{{{{{{{{\"]]]"}"#)
                == .log(LogMessage(message: "[[[[[[[[[[{{{{{{{{\"]]]")))
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

@Suite("Fast host-message encoding")
struct FastEncodingTests {
    static let observation = Observation(
        tick: 42, timeMs: -5,
        markets: [
            MarketView(
                symbol: "BTC-\"PERP\"\\\n\t\u{01}é", mark: "1", index: "2", last: nil, fundingRate: "-0.0001",
                nextFundingTick: 600, openInterest: "3", volume: "4",
                bids: [BookLevel(price: "1.5", quantity: "2"), BookLevel(price: "1.4", quantity: "3")], asks: [],
                trades: [TradeView(price: "1", quantity: "0.1", side: .sell)]),
            MarketView(
                symbol: "ETH-PERP", mark: "1", index: "2", last: "3", fundingRate: "0", nextFundingTick: 0,
                openInterest: "0", volume: "0", bids: [], asks: [BookLevel(price: "9", quantity: "1")], trades: []),
        ],
        account: AccountView(
            balance: "1", equity: "2", available: "3", marginRatio: "0.5",
            positions: [
                PositionView(
                    symbol: "BTC-PERP", size: "-0.5", entryPrice: "1", unrealizedPnL: "-2", liquidationPrice: nil,
                    leverage: 10, marginMode: .isolated),
                PositionView(
                    symbol: "ETH-PERP", size: "1", entryPrice: "1", unrealizedPnL: "0", liquidationPrice: "0.5",
                    leverage: 1, marginMode: .cross),
            ],
            openOrders: [
                OpenOrderView(orderID: UInt64.max, clientID: nil, symbol: "X", side: .buy, price: "1", remaining: "1"),
                OpenOrderView(orderID: 0, clientID: 7, symbol: "X", side: .sell, price: "1", remaining: "1"),
            ],
            fills: [
                FillView(
                    orderID: 3, clientID: 4, symbol: "X", side: .buy, price: "1", quantity: "2", fee: "-0.01",
                    liquidity: "maker")
            ],
            rejections: [RejectionView(clientID: nil, reason: "off_grid", detail: "price 1.05")],
            events: [
                AccountEventView(kind: "funding", symbol: "X", amount: "-0.3"),
                AccountEventView(kind: "liquidation", orderID: 9),
            ]))

    @Test func matchesTheCodableForm() throws {
        let messages: [HostMessage] = [
            .observation(Self.observation),
            .hello(
                Hello(
                    contestID: "c", team: "t\"", instruments: [InstrumentInfo(.btcPerp), InstrumentInfo(.ethPerp)],
                    limits: ProtocolLimits(tickDeadlineMs: 5, maxActionsPerTick: 6, maxLineBytes: 7),
                    startingBalance: "10000.5", ticksTotal: 9)),
            .end(End(reason: "completed", finalEquity: "-1.5")),
        ]
        for message in messages {
            let line = message.encodedLine()
            #expect(line.last == 0x0A)
            #expect(line.dropLast().allSatisfy { $0 != 0x0A })
            let decoded = try JSONDecoder().decode(HostMessage.self, from: Data(line))
            #expect(decoded == message)
            let codable = try JSONEncoder().encode(message)
            let viaFoundation = try JSONSerialization.jsonObject(with: codable) as? NSDictionary
            let viaWriter = try JSONSerialization.jsonObject(with: Data(line)) as? NSDictionary
            #expect(viaFoundation == viaWriter)
        }
    }
}

@Suite("Empty-reply fast path")
struct EmptyReplyFastPathTests {
    @Test(arguments: [
        (#"{"type":"actions","tick":17,"actions":[]}"#, Int64?.some(17)),
        (#"{"type":"actions","tick":0,"actions":[]}"#, 0),
        (#"{"type":"actions","tick":-1,"actions":[]}"#, nil),
        (#"{"type":"actions","tick":1x,"actions":[]}"#, nil),
        (#"{"type":"actions","tick":,"actions":[]}"#, nil),
        (#"{"type":"actions", "tick":1,"actions":[]}"#, nil),
    ])
    func recognises(line: String, tick: Int64?) throws {
        #expect(BotProtocolCodec.emptyActionsTick(Array(line.utf8)) == tick)
        if let tick {
            #expect(
                try BotProtocolCodec().decodeBotLine(Array(line.utf8)) == .actions(Actions(tick: tick, actions: [])))
        }
    }
}
