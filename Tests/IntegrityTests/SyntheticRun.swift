import AuditLog
import MarketEngine
import MarketModel

/// A hand-written run on a quiet BTC-PERP market (constant index at 60,000, no background
/// agents): teams trade with each other exactly as the test says.
struct SyntheticRun {
    static let price = 600_000  // ticks of 0.1 USDT: 60,000 USDT

    var recorder: RunRecorder
    var accounts: [AccountID] = []

    init(runID: String = "synthetic", teams: Int, seed: UInt64 = 1) throws {
        let members = (0..<teams).map {
            HeatMember(
                slot: UInt32($0), teamID: "t\($0)", label: "team-\($0)",
                submissionHash: String(repeating: "0", count: 64))
        }
        let configuration = MarketConfiguration(
            instruments: [.btcPerp], background: .quiet(startPrices: [Price(ticks: Int64(Self.price))]))
        let header = try TranscriptHeader(
            engineVersion: "test", runID: runID, contestID: "synthetic", seed: seed, configuration: configuration,
            members: members, attestationKeyID: "test")
        recorder = try RunRecorder(header: header)
        for member in members {
            for case .accountOpened(let account, _) in recorder.apply(
                .openAccount(deposit: .usdt(100_000)), origin: .system(slot: member.slot))
            {
                accounts.append(account)
            }
        }
    }

    /// `maker` rests `lots` at `ticks`, then `taker` takes exactly that order (same tick).
    mutating func cross(maker: Int, taker: Int, makerSide: Side, ticks: Int64, lots: Int64) {
        order(maker, makerSide, ticks: ticks, lots: lots, tif: .gtc)
        order(taker, makerSide.opposite, ticks: ticks, lots: lots, tif: .ioc)
    }

    mutating func order(_ slot: Int, _ side: Side, ticks: Int64, lots: Int64, tif: TimeInForce) {
        recorder.apply(
            .placeOrder(
                OrderRequest(
                    account: accounts[slot], instrument: InstrumentID(0), side: side, kind: .limit,
                    price: Price(ticks: ticks), quantity: Quantity(lots: lots), timeInForce: tif)),
            origin: .bot(slot: UInt32(slot)))
    }

    mutating func cancelAll(_ slot: Int) {
        recorder.apply(.cancelAll(account: accounts[slot], instrument: nil), origin: .bot(slot: UInt32(slot)))
    }

    /// Ends the tick.
    mutating func advance(_ ticks: Int = 1) {
        for _ in 0..<ticks { recorder.advance() }
    }

    func finish() -> Transcript { recorder.finish() }
}
