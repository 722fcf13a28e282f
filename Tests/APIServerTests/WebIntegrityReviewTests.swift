import APIModels
import Foundation
import Storage
import Testing

@testable import APIServer

/// The leaderboard page's "under review": only once the integrity report is public, for each
/// flagged kind an organizer has not decided; acknowledged kinds read "confirmed", cleared ones
/// disappear, and a decision about another evaluation changes nothing.
struct WebIntegrityReviewTests {
    /// The published board: evaluation 1.
    struct PublishedBoard: BoardReading {
        func boardVersion(contestId: String, version: Int?) async throws -> BoardVersionRecord? {
            BoardVersionRecord(
                contestId: contestId, version: 1, evaluationId: 1, body: "{}", sha256: "", amendsSHA256: nil,
                reason: nil, keyId: "k", leaderboardJSON: "{}", createdAt: Date())
        }
        func evaluationSeeds(contestId: String, evaluationId: Int64?) async throws -> [EvaluationSeedRecord] { [] }
    }

    @Test func flaggedTeamsAreUnderReviewUntilAnOrganizerDecides() async throws {
        let arena = InMemoryArena()
        let report = InMemoryArena.sampleIntegrityReport(contest: "fair", flagged: 3, giver: 4)
        arena.addIntegrityReport(contestId: "fair", evaluationId: 1, report: report, flagged: 2)
        let reviews = IntegrityReviews(integrity: arena, boards: PublishedBoard(), audit: arena, lifetime: .zero)

        #expect(try await reviews.notes(contestId: "fair", published: false).isEmpty, "the report is private")
        #expect(
            try await reviews.notes(contestId: "fair", published: true) == [
                3: "under review (transfer)", 4: "under review (transfer)",
            ])
        try await arena.appendAudit(
            actor: "org", action: "integrity.cleared", subject: "team:3",
            details: ["contest": "fair", "evaluation": "1", "kind": "transfer", "reason": "fine"])
        try await arena.appendAudit(
            actor: "org", action: "integrity.acknowledged", subject: "team:4",
            details: ["contest": "fair", "evaluation": "2", "kind": "transfer", "reason": "other evaluation"])
        #expect(try await reviews.notes(contestId: "fair", published: true) == [4: "under review (transfer)"])
        try await arena.appendAudit(
            actor: "org", action: "integrity.acknowledged", subject: "team:4",
            details: ["contest": "fair", "evaluation": "1", "kind": "transfer", "reason": "same people"])
        #expect(
            try await reviews.notes(contestId: "fair", published: true) == [
                4: "integrity finding confirmed (transfer)"
            ])

        let row = try APIJSON.decoder().decode(
            LeaderboardRow.self, from: Data(try WebPageTests.row(rank: 1, team: 4, name: "donor", run: 1).utf8))
        let html = LeaderboardPage.row(row, contest: "fair", review: "under review (<b>)")
        #expect(html.contains("data-review=\"under review (&lt;b&gt;)\""))
        #expect(html.contains("scored; under review (&lt;b&gt;)</td>") && html.contains("status-review"))
    }
}
