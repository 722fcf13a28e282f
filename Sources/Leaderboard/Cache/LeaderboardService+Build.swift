import APIModels
import ContestModel
import Crypto
import Foundation
import NIOCore

extension LeaderboardService {
    /// Reads the stored rows (or the frozen snapshot) and encodes one page with its ETag.
    func build(contestId: String, page: Int, pageSize: Int, organizer: Bool) async throws -> RenderedLeaderboard? {
        guard let contest = try await reader.contest(id: contestId) else { return nil }
        let definition = try ContestDefinition.decode(json: contest.definitionJSON)
        let state = contest.publishedAt != nil ? "final" : (contest.frozenAt != nil ? "frozen" : "live")
        var rowsJSON: [String]
        var evaluationId: Int64?
        var updatedAt: Date?
        if state == "frozen", !organizer, let frozen = try await reader.frozenBoard(contestId: contestId) {
            let snapshot = try APIJSON.decoder().decode(LeaderboardView.self, from: Data(frozen.utf8))
            rowsJSON = try snapshot.rows.map { String(decoding: try APIJSON.encoder().encode($0), as: UTF8.self) }
            evaluationId = snapshot.evaluationId
            updatedAt = snapshot.updatedAt
        } else {
            (rowsJSON, evaluationId, updatedAt) = try await reader.leaderboard(contestId: contestId)
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
        return RenderedLeaderboard(
            body: body, buffer: ByteBuffer(bytes: body), etag: etag, state: view.state,
            evaluationId: evaluationId, rendered: .now)
    }
}
