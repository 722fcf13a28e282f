import MarketEngine
import MarketModel
import Testing

@Suite("Funding")
struct FundingTests {
    /// Three longs of 0.001 BTC against one short of 0.003 at mark 50,000.1 with rate
    /// 0.00012345: each long owes 50.0001 × 0.00012345 = 0.006172512345 → 0.00617251 (toward
    /// zero); the short receives 0.018517537035 → 0.01851753. Σ = −3·0.00617251 + 0.01851753 = 0,
    /// so the residue is exactly 0 here; with two shorts it is not (next test).
    @Test func roundsTowardZeroPerPosition() {
        var market = TestMarket(price: 500_001, zeroFees: true) { configuration in
            configuration.instruments[0].fundingIntervalTicks = 1
            configuration.background.instruments[0].priceModel = .path([
                PricePoint(index: Price(ticks: 500_001), mark: Price(ticks: 500_001), fundingRate: Rate(units: 12_345))
            ])
        }
        let longs = (0..<3).map { _ in market.open(1_000) }
        let shortA = market.open(1_000)
        let shortB = market.open(1_000)
        market.limit(shortA, .sell, "50000.1", "0.001")
        market.limit(shortB, .sell, "50000.1", "0.002")
        for long in longs { market.limit(long, .buy, "50000.1", "0.001") }
        let events = market.advance()
        var amounts: [UInt32: Int64] = [:]
        var residue: Int64 = 0
        for event in events {
            if case .funding(let account, _, _, let amount) = event { amounts[account.rawValue] = amount.units }
            if case .fundingResidue(_, let amount) = event { residue = amount.units }
        }
        for long in longs { #expect(amounts[long.rawValue] == -617_251) }
        #expect(amounts[shortA.rawValue] == 617_251)  // 0.006172512345 → 0.00617251
        #expect(amounts[shortB.rawValue] == 1_234_502)  // 0.01234502469 → 0.01234502
        // Longs pay 3 × 617,251 = 1,851,753; shorts get 1,851,753: zero-sum, residue 0.
        #expect(residue == 0)
        #expect(amounts.values.reduce(0, +) + residue == 0)
    }

    /// One long 0.003 against three shorts of 0.001 at rate 0.00015: the long owes
    /// 50.0001 × 0.003 × 0.00015 = 0.022500045 → pays 0.02250004 (toward zero); each short is owed
    /// 0.0075000150 → 0.00750001 (toward zero). Paid 2,250,004 units, received 2,250,003: the
    /// residue of 1 unit (1e-8 USDT) goes to the insurance fund and is logged.
    @Test func residueGoesToTheFund() {
        var market = TestMarket(price: 500_001, zeroFees: true) { configuration in
            configuration.instruments[0].fundingIntervalTicks = 1
            configuration.background.instruments[0].priceModel = .path([
                PricePoint(index: Price(ticks: 500_001), mark: Price(ticks: 500_001), fundingRate: Rate(units: 15_000))
            ])
        }
        let fundBefore = market.exchange.insuranceFundBalance
        let long = market.open(1_000)
        let shorts = (0..<3).map { _ in market.open(1_000) }
        for short in shorts { market.limit(short, .sell, "50000.1", "0.001") }
        market.limit(long, .buy, "50000.1", "0.003")
        let events = market.advance()
        var amounts: [UInt32: Int64] = [:]
        var residue: Int64 = 0
        for event in events {
            if case .funding(let account, _, _, let amount) = event { amounts[account.rawValue] = amount.units }
            if case .fundingResidue(_, let amount) = event { residue = amount.units }
        }
        #expect(amounts[long.rawValue] == -2_250_004)
        for short in shorts { #expect(amounts[short.rawValue] == 750_001) }
        #expect(residue == 1)
        #expect(market.exchange.insuranceFundBalance.units == fundBefore.units + 1)
    }
}
