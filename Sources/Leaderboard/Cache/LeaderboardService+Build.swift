import APIModels
import ContestModel
import Crypto
import Foundation
import NIOCore
import Storage

extension LeaderboardService {
    /// Reads the rows — the sealed board's once published, the frozen snapshot for the public
    /// while frozen, else the stored live rows — and encodes one page with its ETag.
    ///
    /// After publication every reader gets the latest signed version's rows (stored with it, so
    /// nothing recomputes them), with its version and URL: `state` is `final`. Between the
    /// publication request and the signed board (a runner signs it within seconds) the state is
    /// `publishing` and the last live rows are shown.
    func build(contestId: String, page: Int, pageSize: Int, organizer: Bool) async throws -> RenderedLeaderboard? {
        guard let contest = try await reader.contest(id: contestId) else { return nil }
        let definition = try ContestDefinition.decode(json: contest.definitionJSON)
        let decoder = APIJSON.decoder()
        let sealed =
            contest.publishedAt != nil ? try await reader.boardVersion(contestId: contestId, version: nil) : nil
        var state =
            sealed != nil
            ? "final" : contest.publishedAt != nil ? "publishing" : contest.frozenAt != nil ? "frozen" : "live"
        var rows: [LeaderboardRow]
        var evaluationId: Int64?
        var updatedAt: Date?
        if let sealed {
            rows = try decoder.decode([LeaderboardRow].self, from: Data(sealed.leaderboardJSON.utf8))
            evaluationId = sealed.evaluationId
            updatedAt = sealed.createdAt
        } else {
            var rowsJSON: [String]
            let frozen = state == "frozen" && !organizer ? try await reader.frozenRows(contestId: contestId) : nil
            if let frozen {
                (rowsJSON, evaluationId, updatedAt) = frozen
            } else {
                (rowsJSON, evaluationId, updatedAt) = try await reader.leaderboard(contestId: contestId)
                if state == "frozen" { state = "live" }  // organizers see the live board
            }
            rows = try rowsJSON.map { try decoder.decode(LeaderboardRow.self, from: Data($0.utf8)) }
        }
        let start = min(rows.count, (page - 1) * pageSize)
        let view = LeaderboardView(
            contestId: contestId, state: state, metric: definition.scoring.metric.rawValue, evaluationId: evaluationId,
            engineVersion: configuration.engineVersion, updatedAt: updatedAt, page: page, pageSize: pageSize,
            total: rows.count, rows: Array(rows[start..<min(rows.count, start + pageSize)]),
            boardVersion: sealed?.version,
            boardUrl: sealed.map { "/v1/contests/\(contestId)/board/versions/\($0.version)" })
        let body = try APIJSON.encoder().encode(view)
        let etag = "\"" + SHA256.hash(data: body).prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
        return RenderedLeaderboard(
            body: body, buffer: ByteBuffer(bytes: body), etag: etag, state: view.state,
            evaluationId: evaluationId, rendered: .now)
    }
}
