import APIModels
import ContestModel
import Crypto
import Foundation
import Storage
import Synchronization

/// Renders leaderboard JSON and keeps the encoded body in memory for a short time, so readers
/// cost no database round trip; the ETag is a hash of the body.
final class LeaderboardService: Sendable {
    struct Rendered: Sendable {
        var body: Data
        var etag: String
        var state: String
        var evaluationId: Int64?
        var rendered: ContinuousClock.Instant
    }

    private let store: ArenaStore
    private let configuration: APIServerConfiguration
    private let cache = Mutex<[String: Rendered]>([:])

    init(store: ArenaStore, configuration: APIServerConfiguration) {
        self.store = store
        self.configuration = configuration
    }

    /// The board for `contestId` as the caller may see it (organizers always see the live board).
    func render(contestId: String, page: Int, pageSize: Int, organizer: Bool) async throws -> Rendered? {
        let key = "\(contestId)|\(page)|\(pageSize)|\(organizer)"
        let now = ContinuousClock.now
        let ttl = Duration.milliseconds(configuration.leaderboardCacheMilliseconds)
        if let hit = cache.withLock({ $0[key] }), hit.rendered.duration(to: now) < ttl { return hit }
        guard let contest = try await store.contest(id: contestId) else { return nil }
        let definition = try ContestDefinition.decode(json: contest.definitionJSON)
        let state = contest.publishedAt != nil ? "final" : (contest.frozenAt != nil ? "frozen" : "live")
        var rowsJSON: [String]
        var evaluationId: Int64?
        var updatedAt: Date?
        if state == "frozen", !organizer, let frozen = try await store.frozenBoard(contestId: contestId) {
            let snapshot = try APIJSON.decoder().decode(LeaderboardView.self, from: Data(frozen.utf8))
            rowsJSON = try snapshot.rows.map { String(decoding: try APIJSON.encoder().encode($0), as: UTF8.self) }
            evaluationId = snapshot.evaluationId
            updatedAt = snapshot.updatedAt
        } else {
            (rowsJSON, evaluationId, updatedAt) = try await store.leaderboard(contestId: contestId)
        }
        let decoder = APIJSON.decoder()
        let rows = try rowsJSON.map { try decoder.decode(LeaderboardRow.self, from: Data($0.utf8)) }
        let start = min(rows.count, (page - 1) * pageSize)
        let view = LeaderboardView(
            contestId: contestId, state: organizer && state == "frozen" ? "live" : state,
            metric: definition.scoring.metric.rawValue, evaluationId: evaluationId,
            engineVersion: configuration.engineVersion, updatedAt: updatedAt, page: page, pageSize: pageSize,
            total: rows.count, rows: Array(rows[start..<min(rows.count, start + pageSize)]))
        let body = try APIJSON.encoder().encode(view)
        let etag = "\"" + SHA256.hash(data: body).prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
        let rendered = Rendered(body: body, etag: etag, state: view.state, evaluationId: evaluationId, rendered: now)
        cache.withLock { $0[key] = rendered }
        return rendered
    }

    /// The full live board (used to store the frozen snapshot).
    func liveSnapshot(contestId: String) async throws -> Data? {
        invalidate(contestId: contestId)
        return try await render(contestId: contestId, page: 1, pageSize: 10_000, organizer: true)?.body
    }

    func invalidate(contestId: String) {
        cache.withLock { cache in cache = cache.filter { !$0.key.hasPrefix(contestId + "|") } }
    }
}
