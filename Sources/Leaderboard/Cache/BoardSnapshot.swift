import APIModels
import Crypto
import Foundation
import NIOCore

/// One state of one board as a reader sees it (a contest, public or organizer view): every row,
/// decoded once, and a few encoded pages. Pages are sliced from it on request; a board state is
/// rendered once, however many distinct page keys readers ask for.
struct BoardSnapshot: Sendable {
    /// The whole board (`page` 1, every row).
    let view: LeaderboardView
    /// A hash of the whole board's encoding: equal hashes are the same board state.
    let fingerprint: String
    /// When it was last read from the database (for the cache's time to live).
    var checked: ContinuousClock.Instant
    /// Encoded pages by `page|pageSize`, oldest first.
    private(set) var pages: [String: RenderedLeaderboard] = [:]
    private var order: [String] = []

    init(full: RenderedLeaderboard) throws {
        view = try APIJSON.decoder().decode(LeaderboardView.self, from: full.body)
        fingerprint = full.etag
        checked = full.rendered
    }

    /// Page `page` of `pageSize` rows, encoded with its ETag.
    func render(page: Int, pageSize: Int) throws -> RenderedLeaderboard {
        var slice = view
        let start = min(view.rows.count, (page - 1) * pageSize)
        slice.page = page
        slice.pageSize = pageSize
        slice.rows = Array(view.rows[start..<min(view.rows.count, start + pageSize)])
        let body = try APIJSON.encoder().encode(slice)
        let etag = "\"" + SHA256.hash(data: body).prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
        return RenderedLeaderboard(
            body: body, buffer: ByteBuffer(bytes: body), etag: etag, state: view.state,
            evaluationId: view.evaluationId, rendered: checked)
    }

    func page(_ key: String) -> RenderedLeaderboard? { pages[key] }

    /// Keeps `rendered` as page `key`, dropping the oldest kept page past `limit`.
    mutating func keep(_ rendered: RenderedLeaderboard, as key: String, limit: Int) {
        if pages.updateValue(rendered, forKey: key) == nil { order.append(key) }
        while order.count > max(0, limit) { pages[order.removeFirst()] = nil }
    }

    var pageCount: Int { pages.count }
}
