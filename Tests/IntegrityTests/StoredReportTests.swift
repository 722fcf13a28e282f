import AuditLog
import Integrity
import Testing

/// What the API serves from stored bytes (`IntegrityReport.Stored`) is what the analysis gives:
/// a flagged team's section and flags read from the canonical bytes equal the report object's,
/// so the server (which holds bytes) and `arena verify` (which recomputes) agree.
@Suite("Stored report: sections from bytes")
struct StoredReportTests {
    let report = Evaluations.scenarioReport

    @Test("every team's section and flags read from the bytes equal the analysis")
    func sectionsFromBytes() throws {
        let stored = try IntegrityReport.Stored(report.encoded())
        #expect(stored.flaggedTeamIDs == report.flaggedTeamIDs)
        for team in report.teams {
            let id = team.team.teamID
            #expect(stored.flags(team: id) == team.flags, "\(team.team.label)")
            #expect(stored.teamSection(id) == report.teamSection(id), "\(team.team.label)")
        }
        #expect(stored.flags(team: "no-such-team") == [])
        #expect(stored.teamSection("no-such-team") == nil)
    }

    @Test("a flagged team's section names only findings about it")
    func sectionIsTheTeamsOwn() throws {
        let receiver = try #require(report.team("receiver"))
        let section = try #require(report.teamSection(receiver.team.teamID))
        let text = String(decoding: section, as: UTF8.self)
        #expect(text.contains("\"label\":\"donor\""), "the other team of its own finding")
        for other in ["wash-a", "wash-b", "copier", "quote-stuffer"] {
            #expect(!text.contains("\"label\":\"\(other)\""), "\(other)'s findings are not the receiver's")
        }
    }

    @Test("runs are named by transcript root, not by seed")
    func noSeeds() {
        let text = String(decoding: report.encoded(), as: UTF8.self)
        #expect(!text.contains("\"seed\""))
        #expect(report.runs.allSatisfy { $0.transcriptRoot.count == 64 })
    }

    @Test("bytes that are not a canonical report are refused")
    func refusesOtherDocuments() {
        #expect(throws: IntegrityError.self) { try IntegrityReport.Stored(Array("{\"format\":\"other\"}".utf8)) }
        #expect(throws: IntegrityError.self) { try IntegrityReport.Stored(Array("{ }".utf8)) }
    }
}
