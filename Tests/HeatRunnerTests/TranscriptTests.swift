import AuditLog
import HeatRunner
import HeatRunnerTestSupport
import Sandbox
import Testing

@Suite("Transcript")
struct TranscriptTests {
    /// Trades, a resting order, a miss, a boundary rejection and a fault: every kind of input.
    static let busy = WorkerScript(
        replies: [
            0: [1: .actions([Actions.buy("0.03", clientID: 1)]), 4: .missed, 9: .actions([Actions.setLeverage])],
            1: [
                2: .actions([Actions.bid(price: "58000", clientID: 2), Actions.bid(price: "58000.01", clientID: 3)]),
                6: .faulted(FaultReason(code: FaultReason.crashed, detail: "killed by signal 11")),
            ],
            2: [3: .actions([Actions.buy("0.01", clientID: 4)], logs: ["hello"])],
        ])

    @Test("the transcript of a scripted heat verifies with AuditLog's verifier")
    func verifies() throws {
        let (outcome, _) = try ScriptedHeat().run(Self.busy)
        let report = TranscriptVerifier.verify(
            transcriptBytes: outcome.transcript.bytes, attestation: outcome.attestation,
            publicKeys: [PublicKeyInfo(ScriptedHeat.key.publicKey, active: true)])
        #expect(report.verified, "\(String(describing: report.divergence))")
        #expect(report.ticks == 12)
        #expect(report.results == outcome.transcript.results)
        #expect(outcome.transcript.results.teams.contains { $0.trades > 0 })
    }

    @Test("the same spec and the same replies give a byte-identical transcript")
    func deterministic() throws {
        let first = try ScriptedHeat().run(Self.busy).0
        var reversed = Self.busy
        reversed.arrival = .descendingSlots
        let second = try ScriptedHeat().run(reversed).0
        #expect(first.transcript.bytes == second.transcript.bytes)
        #expect(first.transcript.root == second.transcript.root)
        #expect(first.equityCurves == second.equityCurves)
        let reseeded = try ScriptedHeat(seed: 99).run(Self.busy).0
        #expect(reseeded.transcript.root != first.transcript.root, "the seed is part of the heat")
    }
}
