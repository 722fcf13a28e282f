import AuditLog
import Foundation
import MarketEngine
import MarketModel
import Synchronization

@testable import Storage

/// A real recorded, signed run for the web and replay tests: three teams trade against each
/// other on BTC-PERP (a fill every tick from tick 1); slot 1 opens a 20x long at tick 1 on a small
/// deposit and is liquidated when the index path drops 10 % at tick 4; slot 2 faults at tick 6
/// with a hostile message.
struct WebRunFixture {
    static let hostile = "<img src=x onerror=alert(1)>"
    /// The tick of the first fills (every team trades from here).
    static let fillTick: Int64 = 1

    let bytes: Data
    let attestation: String
    let key: ArenaStore.PublicKeyRecord

    /// `teams`: the team ids of slots 0, 1, 2; `labels` their names.
    init(teams: [Int64], labels: [String], ticks: Int = 8) throws {
        let signing = try SigningKey(rawRepresentation: Array(repeating: UInt8(9), count: 32))
        let members = teams.enumerated().map { slot, team in
            HeatMember(
                slot: UInt32(slot), teamID: String(team), label: labels[slot],
                submissionHash: String(repeating: "\(slot)", count: 64))
        }
        let header = try TranscriptHeader(
            engineVersion: "test", runID: "web", contestID: "web", seed: 7, configuration: Self.crashingMarket,
            members: members, attestationKeyID: signing.id)
        var recorder = try RunRecorder(header: header)
        var accounts: [AccountID] = []
        for member in members {
            for case .accountOpened(let account, _) in recorder.apply(
                .openAccount(deposit: .usdt(member.slot == 1 ? 1_000 : 10_000)), origin: .system(slot: member.slot))
            {
                accounts.append(account)
            }
        }
        recorder.advance()
        let btc = InstrumentID(0)
        for step in 1...ticks {
            let mark = recorder.exchange.market(btc).mark
            if step == 1 {
                recorder.apply(.setLeverage(account: accounts[1], instrument: btc, leverage: 20), origin: .bot(slot: 1))
                recorder.apply(
                    .placeOrder(
                        OrderRequest(
                            account: accounts[0], instrument: btc, side: .sell, kind: .limit,
                            price: Price(ticks: mark.ticks + 1), quantity: Quantity(lots: 250), timeInForce: .gtc,
                            clientTag: 99)),
                    origin: .bot(slot: 0))
            }
            recorder.apply(
                .placeOrder(
                    OrderRequest(
                        account: accounts[0], instrument: btc, side: .sell, kind: .limit,
                        price: Price(ticks: mark.ticks + 1), quantity: Quantity(lots: 20), timeInForce: .gtc,
                        clientTag: UInt64(step))),
                origin: .bot(slot: 0))
            recorder.apply(
                .placeOrder(
                    OrderRequest(
                        account: accounts[step == 1 ? 1 : 2], instrument: btc, side: .buy, kind: .limit,
                        price: Price(ticks: mark.ticks + 1), quantity: Quantity(lots: step == 1 ? 250 : 10),
                        timeInForce: .ioc, clientTag: UInt64(step))),
                origin: .bot(slot: step == 1 ? 1 : 2))
            if step == 6, accounts.count > 2 {
                recorder.record(.fault(slot: 2, code: "protocol_violation", message: Self.hostile))
                recorder.apply(.closeOut(account: accounts[2]), origin: .system(slot: 2))
            }
            recorder.advance()
        }
        let transcript = recorder.finish()
        bytes = Data(transcript.bytes)
        attestation = String(decoding: try signing.sign(transcript.manifest).canonicalJSON(), as: UTF8.self)
        key = ArenaStore.PublicKeyRecord(
            keyId: signing.id,
            publicKey: Data(base64Encoded: PublicKeyInfo(signing.publicKey, active: true).publicKey) ?? Data(),
            active: true)
    }
}

extension WebRunFixture {
    /// The standard market with BTC-PERP's index on an explicit path: 65,000, then 58,500 from
    /// tick 4 on (the mark follows by the median rule).
    static var crashingMarket: MarketConfiguration {
        var market = MarketConfiguration.standard
        let points = (0..<5).map { PricePoint(index: Price(ticks: $0 < 4 ? 650_000 : 585_000)) }
        market.background.instruments[0].priceModel = .path(points)
        return market
    }
}

extension InMemoryArena {
    /// Stores `fixture` as run `runId`'s artifacts and its key as the attestation key.
    func store(_ fixture: WebRunFixture, runId: Int64) {
        state.withLock { state in
            state.artifacts[runId] = (fixture.bytes, fixture.attestation)
            if !state.keys.contains(fixture.key) { state.keys.append(fixture.key) }
        }
    }

    /// Makes run `runId` a private round's (its seed secret until publication).
    func makePrivate(runId: Int64) {
        state.withLock { $0.runs[runId]?.seedPublic = false }
    }
}
