import AuditLog
import Foundation
import MarketModel
import Scoring
import Testing

@Suite("Transcript verifier")
struct VerifierTests {
    @Test("an untouched run verifies: every event, the results, the chain and the signature")
    func verifies() throws {
        let fixture = try RunFixture()
        let report = fixture.verify()
        #expect(report.verified, "\(String(describing: report.divergence))")
        #expect(report.ticks == 13)
        #expect(report.events > 0)
        #expect(report.root == fixture.transcript.root)
        #expect(report.results == fixture.transcript.results)
        #expect(report.keyID == fixture.key.id)
        #expect(report.checks.allSatisfy { $0.passed == true })
    }

    @Test("results are ranked by equity minus deposits, faults and strikes are counted")
    func results() throws {
        let fixture = try RunFixture()
        let teams = fixture.transcript.results.teams
        #expect(teams.map(\.rank) == [1, 2, 3])
        #expect(zip(teams, teams.dropFirst()).allSatisfy { $0.score >= $1.score })
        let charlie = try #require(teams.first { $0.label == "charlie" })
        #expect(charlie.faulted)
        #expect(charlie.strikes == 1)
        #expect(teams.allSatisfy { $0.deposited == .usdt(10_000) && $0.score == $0.finalEquity - $0.deposited })
    }

    @Test("ties are broken by label")
    func ties() {
        let teams = [
            TeamResult(
                slot: 0, teamID: "z", label: "zulu", account: AccountID(5), deposited: .usdt(1), finalEquity: .usdt(2)),
            TeamResult(
                slot: 1, teamID: "a", label: "alpha", account: AccountID(6), deposited: .usdt(1), finalEquity: .usdt(2)),
            TeamResult(
                slot: 2, teamID: "m", label: "mike", account: AccountID(7), deposited: .usdt(1), finalEquity: .usdt(3)),
        ]
        #expect(HeatRanking.rank(teams).map(\.label) == ["mike", "alpha", "zulu"])
    }

    @Test("recorded results that disagree with the replay are named field by field")
    func alteredResults() throws {
        let fixture = try RunFixture()
        var (transcript, records) = try Transcript.decode(fixture.transcript.bytes)
        var results = transcript.results
        results.teams[0].finalEquity += Money(units: 1)
        var writer = TranscriptWriter(header: transcript.header)
        for record in records { writer.append(record) }
        transcript = writer.finish(results: results)
        let report = fixture.verify(transcript.bytes)
        #expect(report.divergence?.code == .resultsMismatch)
        #expect(report.divergence?.message.contains("finalEquity") == true)
    }

    @Test("a transcript without attestation fails unless unsigned files are allowed")
    func unsigned() throws {
        let fixture = try RunFixture(ticks: 2)
        let strict = TranscriptVerifier.verify(
            transcriptBytes: fixture.transcript.bytes, attestation: nil, publicKeys: [])
        #expect(strict.divergence?.code == .missingAttestation)
        let lenient = TranscriptVerifier(configuration: .init(requireAttestation: false))
            .verify(transcriptBytes: fixture.transcript.bytes, attestation: nil, publicKeys: [])
        #expect(lenient.verified)
        #expect(!lenient.warnings.isEmpty)
    }

    @Test("the report encodes as JSON with the divergence fields")
    func reportJSON() throws {
        let fixture = try RunFixture(ticks: 2)
        let report = fixture.verify(Array(fixture.transcript.bytes.dropLast()))
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(json.contains("\"verified\":false"))
        #expect(json.contains("\"divergence\""))
    }
}
