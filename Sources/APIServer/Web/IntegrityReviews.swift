import Foundation
import Integrity
import Storage
import Synchronization

/// The "under review" part of a board row's status on the pages (docs/WEB.md): once the results
/// are published, the integrity report of the published board's evaluation is public
/// (`GET /v1/contests/{id}/integrity`); a team it flags is *under review* for each kind an
/// organizer has not yet decided (`integrity.cleared` / `integrity.acknowledged` in the audit
/// log, for that evaluation), *confirmed* for each kind acknowledged, and shows nothing for kinds
/// cleared. Before publication the report is the organizers' alone, so nothing is shown.
///
/// Reading the audit log is not free: the answer is kept per contest for `lifetime`, so a
/// popular page costs one read per contest every few seconds, not one per view.
final class IntegrityReviews: Sendable {
    private let integrity: any IntegrityRepository
    private let boards: any BoardReading
    private let audit: any AuditRepository
    private let lifetime: Duration
    private let cache = Mutex<[String: (at: ContinuousClock.Instant, notes: [Int64: String])]>([:])

    init(
        integrity: any IntegrityRepository, boards: any BoardReading, audit: any AuditRepository,
        lifetime: Duration = .seconds(10)
    ) {
        self.integrity = integrity
        self.boards = boards
        self.audit = audit
        self.lifetime = lifetime
    }

    /// Team id → its note (`under review (wash)`, `integrity finding confirmed (transfer)`), for
    /// flagged teams of a published contest; empty before publication.
    func notes(contestId: String, published: Bool) async throws -> [Int64: String] {
        guard published else { return [:] }
        let now = ContinuousClock.now
        if let hit = cache.withLock({ $0[contestId] }), now - hit.at < lifetime { return hit.notes }
        let notes = try await compute(contestId: contestId)
        cache.withLock { cache in
            if cache.count > 256 { cache.removeAll() }
            cache[contestId] = (now, notes)
        }
        return notes
    }

    private func compute(contestId: String) async throws -> [Int64: String] {
        guard let board = try await boards.boardVersion(contestId: contestId, version: nil),
            let record = try await integrity.integrityReport(contestId: contestId, evaluationId: board.evaluationId),
            let report = try? IntegrityReport.Stored([UInt8](record.report)), !report.flaggedTeamIDs.isEmpty
        else { return [:] }
        // "team:kind" → the latest decision for this report's evaluation.
        var decided: [String: String] = [:]
        for event in try await audit.auditEvents() where event.action.hasPrefix("integrity.") {
            guard event.subject.hasPrefix("team:"),
                let details = try? JSONDecoder().decode([String: String].self, from: Data(event.detailsJSON.utf8)),
                details["contest"] == contestId, details["evaluation"] == String(record.evaluationId),
                let kind = details["kind"]
            else { continue }
            decided["\(event.subject.dropFirst(5)):\(kind)"] = event.action
        }
        var notes: [Int64: String] = [:]
        for team in report.flaggedTeamIDs {
            guard let id = Int64(team) else { continue }
            let kinds = report.flags(team: team)
            let pending = kinds.filter { decided["\(team):\($0)"] == nil }
            let confirmed = kinds.filter { decided["\(team):\($0)"] == "integrity.acknowledged" }
            var parts: [String] = []
            if !pending.isEmpty { parts.append("under review (\(pending.joined(separator: ", ")))") }
            if !confirmed.isEmpty { parts.append("integrity finding confirmed (\(confirmed.joined(separator: ", ")))") }
            if !parts.isEmpty { notes[id] = parts.joined(separator: "; ") }
        }
        return notes
    }
}
