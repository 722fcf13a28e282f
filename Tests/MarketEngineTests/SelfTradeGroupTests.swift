import MarketEngine
import MarketModel
import Testing

/// Organizer-linked teams share a self-trade-prevention group: their accounts never trade each
/// other (the taker's remainder expires, as against its own orders) but trade everyone else.
@Suite("Self-trade groups")
struct SelfTradeGroupTests {
    private func trades(_ events: [MarketEvent]) -> [Trade] {
        events.compactMap { if case .trade(let trade) = $0 { return trade } else { return nil } }
    }

    private func stpCancels(_ events: [MarketEvent]) -> [AccountID] {
        events.compactMap {
            if case .orderCancelled(let account, _, _, _, _, .selfTradePrevention) = $0 { return account }
            return nil
        }
    }

    @Test func linkedAccountsNeverMatchEachOther() {
        var market = TestMarket(zeroFees: true)
        let alice = market.open(100_000)
        let bob = market.open(100_000)
        let carol = market.open(100_000)
        market.run(.setSelfTradeGroup(account: alice, group: 7))
        market.run(.setSelfTradeGroup(account: bob, group: 7))
        market.limit(bob, .sell, "50000", "0.05")
        market.limit(carol, .sell, "50010", "0.05")
        let events = market.market(alice, .buy, "0.1")
        // Bob's ask is the best: alice stops there (expire taker), she does not sweep past it.
        #expect(trades(events).isEmpty)
        #expect(stpCancels(events) == [alice])
        #expect(market.position(alice)?.size.lots ?? 0 == 0)
        // Bob's order still rests; carol, who is not linked, can take it.
        let carolBuys = market.market(carol, .buy, "0.05")
        #expect(trades(carolBuys).map(\.makerAccount) == [bob])
    }

    @Test func linkedAccountsTradeThirdParties() {
        var market = TestMarket(zeroFees: true)
        let alice = market.open(100_000)
        let bob = market.open(100_000)
        let carol = market.open(100_000)
        market.run(.setSelfTradeGroup(account: alice, group: 3))
        market.run(.setSelfTradeGroup(account: bob, group: 3))
        market.limit(carol, .sell, "50000", "0.1")
        let aliceFill = trades(market.market(alice, .buy, "0.05"))
        let bobFill = trades(market.market(bob, .buy, "0.05"))
        #expect(aliceFill.map(\.makerAccount) == [carol])
        #expect(bobFill.map(\.makerAccount) == [carol])
        // And as makers: carol's sell order takes both linked bids.
        market.limit(alice, .buy, "49990", "0.02")
        market.limit(bob, .buy, "49980", "0.02")
        let sweep = trades(market.market(carol, .sell, "0.04"))
        #expect(sweep.map(\.makerAccount) == [alice, bob])
    }

    @Test func differentGroupsAndClearedGroupsMatch() {
        var market = TestMarket(zeroFees: true)
        let alice = market.open(100_000)
        let bob = market.open(100_000)
        market.run(.setSelfTradeGroup(account: alice, group: 1))
        market.run(.setSelfTradeGroup(account: bob, group: 2))
        market.limit(bob, .sell, "50000", "0.02")
        #expect(trades(market.market(alice, .buy, "0.01")).map(\.makerAccount) == [bob])
        market.run(.setSelfTradeGroup(account: bob, group: 1))
        #expect(trades(market.market(alice, .buy, "0.01")).isEmpty)
        market.run(.setSelfTradeGroup(account: alice, group: 0))
        #expect(trades(market.market(alice, .buy, "0.01")).map(\.makerAccount) == [bob])
    }

    @Test func fillOrKillCountsOnlyUnlinkedLiquidity() {
        var market = TestMarket(zeroFees: true)
        let alice = market.open(100_000)
        let bob = market.open(100_000)
        let carol = market.open(100_000)
        market.run(.setSelfTradeGroup(account: alice, group: 9))
        market.run(.setSelfTradeGroup(account: bob, group: 9))
        market.limit(carol, .sell, "50000", "0.01")
        market.limit(bob, .sell, "50000", "0.05")
        // 0.06 rest at 50,000 but only carol's 0.01 is fillable for alice: the FOK kills.
        let events = market.limit(alice, .buy, "50000", "0.03", tif: .fok)
        #expect(trades(events).isEmpty)
        let fits = market.limit(alice, .buy, "50000", "0.01", tif: .fok)
        #expect(trades(fits).map(\.makerAccount) == [carol])
    }

    @Test func onlyBotAccountsCanBeGrouped() {
        var market = TestMarket()
        let fund = AccountID(0)
        let refused = market.run(.setSelfTradeGroup(account: fund, group: 1))
        #expect(refused == [.commandRejected(account: fund, reason: .houseAccount)])
        let unknown = market.run(.setSelfTradeGroup(account: AccountID(99), group: 1))
        #expect(unknown == [.commandRejected(account: AccountID(99), reason: .unknownAccount)])
    }

    @Test func stateHashCoversTheGroupButNotItsAbsence() {
        var plain = TestMarket()
        let a = plain.open(1_000)
        var grouped = plain
        #expect(grouped.exchange.stateHash() == plain.exchange.stateHash())
        grouped.run(.setSelfTradeGroup(account: a, group: 4))
        #expect(grouped.exchange.stateHash() != plain.exchange.stateHash())
        grouped.run(.setSelfTradeGroup(account: a, group: 0))
        #expect(grouped.exchange.stateHash() == plain.exchange.stateHash())
    }
}
