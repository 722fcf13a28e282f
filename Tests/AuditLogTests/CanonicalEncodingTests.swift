import AuditLog
import MarketModel
import Testing

@Suite("Canonical encoding")
struct CanonicalEncodingTests {
    static let request = OrderRequest(
        account: AccountID(7), instrument: InstrumentID(1), side: .sell, kind: .limit, price: Price(ticks: -5),
        quantity: Quantity(lots: 1_000), timeInForce: .postOnly, reduceOnly: true, clientTag: UInt64.max)

    static let events: [MarketEvent] = [
        .accountOpened(account: AccountID(9), deposit: .usdt(10_000)),
        .deposited(account: AccountID(9), amount: Money(units: -1)),
        .orderAccepted(order: OrderID(1 << 40), request: request),
        .orderRejected(account: AccountID(3), clientTag: 4, reason: .insufficientMargin),
        .orderCancelled(
            account: AccountID(3), instrument: InstrumentID(0), order: OrderID(5), clientTag: 0,
            remaining: Quantity(lots: 3), reason: .immediateOrCancel),
        .trade(
            Trade(
                instrument: InstrumentID(0), price: Price(ticks: 600_001), quantity: Quantity(lots: 15),
                takerSide: .buy,
                makerAccount: AccountID(1), makerOrder: OrderID(2), makerFee: Money(units: -3),
                takerAccount: AccountID(4),
                takerOrder: OrderID(9), takerFee: Money(units: 45_000))),
        .leverageSet(account: AccountID(1), instrument: InstrumentID(0), leverage: 50),
        .marginModeSet(account: AccountID(1), instrument: InstrumentID(1), mode: .isolated),
        .priceUpdate(
            instrument: InstrumentID(1), index: Price(ticks: 1), mark: Price(ticks: Int64.max),
            fundingRate: Rate(units: Int64.min)),
        .funding(account: AccountID(2), instrument: InstrumentID(0), rate: Rate(units: 100), amount: Money(units: -77)),
        .fundingResidue(instrument: InstrumentID(0), amount: Money(units: 1)),
        .liquidation(
            account: AccountID(2), instrument: InstrumentID(0), quantity: Quantity(lots: -30),
            bankruptcyPrice: Price(ticks: 5),
            bookFilled: Quantity(lots: 20), fundTakeover: Quantity(lots: 10)),
        .autoDeleverage(
            account: AccountID(5), instrument: InstrumentID(1), quantity: Quantity(lots: 2), price: Price(ticks: 3)),
        .insuranceFund(balance: .usdt(1_000_000)),
        .realizedPnL(account: AccountID(4), instrument: InstrumentID(0), amount: Money(units: -123_456_789)),
        .commandRejected(account: nil, reason: .unknownAccount),
        .commandRejected(account: AccountID(4), reason: .leverageOutOfRange),
    ]

    static let commands: [MarketCommand] = [
        .openAccount(deposit: .usdt(5)), .deposit(account: AccountID(1), amount: Money(units: -9)),
        .placeOrder(request),
        .placeOrder(
            OrderRequest(
                account: AccountID(1), instrument: InstrumentID(0), side: .buy, kind: .market, price: nil,
                quantity: Quantity(lots: 1), timeInForce: .ioc)),
        .cancelOrder(account: AccountID(1), instrument: InstrumentID(0), order: OrderID(3)),
        .cancelAll(account: AccountID(1), instrument: nil),
        .cancelAll(account: AccountID(1), instrument: InstrumentID(1)),
        .setLeverage(account: AccountID(1), instrument: InstrumentID(0), leverage: 10),
        .setMarginMode(account: AccountID(1), instrument: InstrumentID(0), mode: .cross),
        .closeOut(account: AccountID(2)),
    ]

    @Test("every event kind decodes to the value that was encoded", arguments: events)
    func eventRoundTrip(event: MarketEvent) throws {
        var writer = CanonicalWriter()
        writer.write(event)
        var reader = CanonicalReader(writer.bytes)
        #expect(try reader.readEvent() == event)
        #expect(reader.isAtEnd)
    }

    @Test("every command kind decodes to the value that was encoded", arguments: commands)
    func commandRoundTrip(command: MarketCommand) throws {
        var writer = CanonicalWriter()
        writer.write(command)
        var reader = CanonicalReader(writer.bytes)
        #expect(try reader.readCommand() == command)
        #expect(reader.isAtEnd)
    }

    @Test("every reject and cancel reason round-trips; listed reasons take one byte")
    func reasons() throws {
        for reason in RejectReason.allCases {
            var writer = CanonicalWriter()
            ReasonCodes.reject.write(reason, into: &writer)
            var reader = CanonicalReader(writer.bytes)
            #expect(try ReasonCodes.reject.read(from: &reader) == reason)
        }
        for reason in CancelReason.allCases {
            var writer = CanonicalWriter()
            ReasonCodes.cancel.write(reason, into: &writer)
            #expect(writer.bytes.count == 1)
            var reader = CanonicalReader(writer.bytes)
            #expect(try ReasonCodes.cancel.read(from: &reader) == reason)
        }
        var longForm = CanonicalWriter()
        longForm.write(unsigned: 0)
        longForm.write(string: "requested")
        var reader = CanonicalReader(longForm.bytes)
        #expect(throws: TranscriptError.self) { try ReasonCodes.cancel.read(from: &reader) }
    }

    @Test("a fill has one fixed byte form, independent of the process")
    func goldenTradeBytes() {
        var writer = CanonicalWriter()
        writer.write(Self.events[5])
        #expect(Hash256.hex(writer.bytes) == "0500829f491e00010205040990bf05")
    }

    @Test("over-long varints and unknown tags are rejected")
    func nonCanonicalRejected() {
        var overlong = CanonicalReader([0x80, 0x00])
        #expect(throws: TranscriptError.self) { try overlong.readUnsigned() }
        var unknown = CanonicalReader([99])
        #expect(throws: TranscriptError.self) { try unknown.readEvent() }
        var truncated = CanonicalReader([5, 0])
        #expect(throws: TranscriptError.self) { try truncated.readEvent() }
    }

    @Test("signed and unsigned extremes round-trip")
    func extremes() throws {
        var writer = CanonicalWriter()
        for value in [Int64.min, -1, 0, 1, Int64.max] { writer.write(signed: value) }
        writer.write(unsigned: UInt64.max)
        var reader = CanonicalReader(writer.bytes)
        for value in [Int64.min, -1, 0, 1, Int64.max] { #expect(try reader.readSigned() == value) }
        #expect(try reader.readUnsigned() == UInt64.max)
    }
}
