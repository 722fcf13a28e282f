import AuditLog
import MarketEngine
import MarketModel

/// A small recorded run: three teams, a few ticks of limit and market orders against each other
/// and the background market, a timeout, a boundary rejection and a fault with close-out.
struct RunFixture {
    static let members = [
        HeatMember(slot: 0, teamID: "team-a", label: "alpha", submissionHash: String(repeating: "a", count: 64)),
        HeatMember(slot: 1, teamID: "team-b", label: "bravo", submissionHash: String(repeating: "b", count: 64)),
        HeatMember(slot: 2, teamID: "team-c", label: "charlie", submissionHash: String(repeating: "c", count: 64)),
    ]

    let transcript: Transcript
    let key: SigningKey
    let attestation: Attestation
    /// Each member's equity after every tick, starting with the deposit, sampled as the runner does.
    let curves: [[Money]]

    var publicKeys: [PublicKeyInfo] { [PublicKeyInfo(key.publicKey, active: true)] }

    /// Records `ticks` ticks (after the opening tick) with `seed`.
    init(
        ticks: Int = 12, seed: UInt64 = 42, compress: Bool = true, runID: String = "run-1", contestHash: String = "",
        members: [HeatMember] = RunFixture.members, version: UInt8 = TranscriptFormat.version
    ) throws {
        key = try SigningKey(rawRepresentation: Array(repeating: UInt8(7), count: 32))
        let header = try TranscriptHeader(
            engineVersion: "test", runID: runID, contestID: "demo", contestConfigurationHash: contestHash, seed: seed,
            configuration: .standard, members: members, attestationKeyID: key.id)
        var recorder = try RunRecorder(header: header, writer: .init(compress: compress, version: version))
        var accounts: [AccountID] = []
        var curves: [[Money]] = members.map { _ in [.usdt(10_000)] }
        func sample(_ recorder: RunRecorder) {
            for index in accounts.indices {
                curves[index].append(recorder.exchange.account(accounts[index])?.equity ?? .zero)
            }
        }
        for member in members {
            for case .accountOpened(let account, _) in recorder.apply(
                .openAccount(deposit: .usdt(10_000)), origin: .system(slot: member.slot))
            {
                accounts.append(account)
            }
        }
        recorder.advance()
        sample(recorder)
        let btc = InstrumentID(0)
        for step in 1...ticks {
            let mark = recorder.exchange.market(btc).mark
            let offset = Int64(step % 5 + 1) * 10
            recorder.apply(
                .placeOrder(
                    OrderRequest(
                        account: accounts[0], instrument: btc, side: .buy, kind: .limit,
                        price: Price(ticks: mark.ticks - offset),
                        quantity: Quantity(lots: 20), timeInForce: .gtc, clientTag: UInt64(step))),
                origin: .bot(slot: 0))
            recorder.apply(
                .placeOrder(
                    OrderRequest(
                        account: accounts[2], instrument: btc, side: .sell, kind: .limit,
                        price: Price(ticks: mark.ticks + offset),
                        quantity: Quantity(lots: 20), timeInForce: .gtc, clientTag: UInt64(step))),
                origin: .bot(slot: 2))
            recorder.apply(
                .placeOrder(
                    OrderRequest(
                        account: accounts[1], instrument: btc, side: step % 2 == 0 ? .buy : .sell, kind: .market,
                        price: nil,
                        quantity: Quantity(lots: 15), timeInForce: .ioc, clientTag: UInt64(100 + step))),
                origin: .bot(slot: 1))
            if step == 2 { recorder.record(.botRejected(slot: 1, clientTag: 7, reason: "invalid_price")) }
            if step == 3 { recorder.record(.timeout(slot: 2, strikes: 1)) }
            if step % 4 == 0 {
                recorder.apply(.cancelAll(account: accounts[0], instrument: btc), origin: .bot(slot: 0))
            }
            if step == ticks - 1 {
                recorder.record(.fault(slot: 2, code: "protocol_violation", message: "line is not JSON"))
                recorder.apply(.closeOut(account: accounts[2]), origin: .system(slot: 2))
            }
            recorder.advance()
            sample(recorder)
        }
        self.curves = curves
        transcript = recorder.finish()
        attestation = try key.sign(transcript.manifest)
    }

    /// Verifies `bytes` (the fixture's own by default) with the fixture's attestation and keys.
    func verify(_ bytes: [UInt8]? = nil, attestation: Attestation? = nil, keys: [PublicKeyInfo]? = nil)
        -> VerificationReport
    {
        TranscriptVerifier.verify(
            transcriptBytes: bytes ?? transcript.bytes, attestation: attestation ?? self.attestation,
            publicKeys: keys ?? publicKeys)
    }

    /// Re-writes the transcript after `mutate` changes its records, keeping the chain, the file
    /// digest and the recorded results self-consistent (what a careful forger would do).
    func forged(_ mutate: (inout [TickRecord]) -> Void) throws -> [UInt8] {
        var (decoded, records) = try Transcript.decode(transcript.bytes)
        mutate(&records)
        var writer = TranscriptWriter(header: decoded.header)
        for record in records { writer.append(record) }
        decoded = writer.finish(results: decoded.results)
        return decoded.bytes
    }
}
