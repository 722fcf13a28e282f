import AuditLog
import MarketModel
import Scoring
import Testing

@Suite("Equity from the replay")
struct EquityReplayTests {
    @Test("the replay reproduces the runner's equity curves, so every board metric is recomputable")
    func curvesMatchTheRecording() throws {
        let fixture = try RunFixture()
        let verifier = TranscriptVerifier(configuration: .init(equityCurves: true))
        let report = verifier.verify(
            transcriptBytes: fixture.transcript.bytes, attestation: fixture.attestation, publicKeys: fixture.publicKeys)
        #expect(report.verified, "\(String(describing: report.divergence))")
        #expect(report.equity.map(\.teamID) == RunFixture.members.map(\.teamID))
        for (equity, curve) in zip(report.equity, fixture.curves) {
            let expected = EquityMetrics(curve: curve)
            #expect(equity.metrics == expected)
            for metric in RankingMetric.allCases { #expect(equity.metrics.score(metric) == expected.score(metric)) }
        }
        #expect(report.equity.contains { $0.metrics.maxDrawdown.units > 0 }, "the fixture moves equity")
        let plain = fixture.verify()
        #expect(plain.equity.isEmpty, "off by default")
    }
}
