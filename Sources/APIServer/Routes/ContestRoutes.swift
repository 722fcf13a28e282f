import APIModels
import HTTPTypes
import Hummingbird
import Leaderboard

/// The public contest pages and leaderboards. Organizers (identity optional here) always see
/// the live board, also while it is frozen for everyone else.
///
/// - `GET /v1/contests`, `GET /v1/contests/{contest}`
/// - `GET /v1/contests/{contest}/leaderboard` (paged, ETag / `If-None-Match`)
/// - `GET /v1/contests/{contest}/leaderboard/stream` (server-sent events; `429 too_many_streams`
///   past the per-address cap, `503 streams_full` past the total)
struct ContestRoutes: Sendable {
    let contests: any ContestReading
    let leaderboards: LeaderboardService
    /// Time between two checks of a streamed board.
    let streamInterval: Duration
    /// Checks per stream before the server ends it (clients reconnect).
    let streamChecks: Int
    /// Open streams per client address and in total.
    let streams: StreamLimiter

    func register(on groups: AccessGroups) {
        groups.anyone.get("/v1/contests") { _, _ in
            try Response.json(try await contests.contests().map(ContestView.init(record:)))
        }
        groups.anyone.get("/v1/contests/:contest") { _, context in
            try Response.json(try ContestView(record: try await contests.existingContest(context.contestParameter())))
        }
        groups.anyone.get("/v1/contests/:contest/leaderboard") { request, context in
            try await leaderboard(request, context)
        }
        groups.anyone.get("/v1/contests/:contest/leaderboard/stream") { _, context in
            let lease = try openStream(context)
            return try await stream(context, lease: lease)
        }
    }

    private func leaderboard(_ request: Request, _ context: ArenaRequestContext) async throws -> Response {
        let id = try context.contestParameter()
        let query = request.uri.queryParameters
        let page = query.get("page", as: Int.self) ?? 1
        let pageSize = query.get("page_size", as: Int.self) ?? 100
        guard (1...100_000).contains(page), (1...500).contains(pageSize) else {
            throw APIError.badRequest("invalid_parameter", "page must be 1..100000 and page_size 1..500")
        }
        let organizer = context.identity?.isOrganizer ?? false
        guard
            let rendered = try await leaderboards.render(
                contestId: id, page: page, pageSize: pageSize, organizer: organizer)
        else { throw APIError.notFound("contest") }
        let maxAge = rendered.state == "final" ? 60 : 1
        // The organizer's board may be the live one behind a freeze: never stored by any cache.
        var headers: HTTPFields = [
            .contentType: "application/json; charset=utf-8", .eTag: rendered.etag,
            .cacheControl: organizer ? "private, no-store" : "public, max-age=\(maxAge)", .vary: "Authorization",
        ]
        if request.headers[.ifNoneMatch] == rendered.etag {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: rendered.buffer))
    }

    /// Server-sent events: one `leaderboard` event now and one whenever the board changes.
    private func stream(_ context: ArenaRequestContext, lease: StreamLease) async throws -> Response {
        let id = try context.contestParameter()
        _ = try await contests.existingContest(id)
        let organizer = context.identity?.isOrganizer ?? false
        let leaderboards = self.leaderboards
        let (interval, checks) = (streamInterval, streamChecks)
        let body = ResponseBody { writer in
            // The stream's place is given back when it ends, however it ends (the lease is
            // also released when this body is dropped without running).
            defer { lease.release() }
            var lastTag = ""
            // Bounded: clients reconnect after `checks` intervals (the EventSource default behaviour).
            for _ in 0..<checks {
                if let rendered = try await leaderboards.render(
                    contestId: id, page: 1, pageSize: 500, organizer: organizer),
                    rendered.etag != lastTag
                {
                    lastTag = rendered.etag
                    var event = ByteBuffer(string: "event: leaderboard\nid: \(rendered.etag)\ndata: ")
                    event.writeBytes(rendered.body)
                    event.writeString("\n\n")
                    try await writer.write(event)
                } else {
                    try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                }
                try await Task.sleep(for: interval)
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: organizer ? "private, no-store" : "no-cache"],
            body: body)
    }

    /// A place for one more stream of the caller's address, or the refusal.
    private func openStream(_ context: ArenaRequestContext) throws -> StreamLease {
        do {
            return try streams.open(address: context.clientAddress)
        } catch .address {
            throw APIError(
                .tooManyRequests, code: "too_many_streams",
                "at most \(streams.perAddress) leaderboard streams per client; close one first",
                headers: [.retryAfter: "30"])
        } catch .total {
            throw APIError(
                .serviceUnavailable, code: "streams_full", "the server has no room for another stream; retry later",
                headers: [.retryAfter: "30"])
        }
    }
}
