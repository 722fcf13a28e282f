import APIModels
import ContestModel
import Foundation
import HTTPTypes
import Hummingbird
import Storage

extension ArenaAPI {
    func addPublicRoutes(to router: Router<ArenaRequestContext>) {
        router.get("/v1/contests") { _, _ in
            let contests = try await store.contests()
            return try ArenaAPI.json(try contests.map(ArenaAPI.contestView))
        }
        router.get("/v1/contests/:contest") { _, context in
            guard let id = context.parameters.get("contest"), let contest = try await store.contest(id: id) else {
                throw APIError.notFound("contest")
            }
            return try ArenaAPI.json(try ArenaAPI.contestView(contest))
        }
        router.get("/v1/contests/:contest/leaderboard") { request, context in
            try await leaderboardResponse(request, context)
        }
        router.get("/v1/contests/:contest/leaderboard/stream") { request, context in
            try await leaderboardStream(request, context)
        }
    }

    func leaderboardResponse(_ request: Request, _ context: ArenaRequestContext) async throws -> Response {
        guard let id = context.parameters.get("contest") else { throw APIError.notFound("contest") }
        let query = request.uri.queryParameters
        let page = query.get("page", as: Int.self) ?? 1
        let pageSize = query.get("page_size", as: Int.self) ?? 100
        guard (1...100_000).contains(page), (1...500).contains(pageSize) else {
            throw APIError.badRequest("invalid_parameter", "page must be 1..100000 and page_size 1..500")
        }
        guard
            let rendered = try await leaderboards.render(
                contestId: id, page: page, pageSize: pageSize, organizer: context.identity?.isOrganizer ?? false)
        else { throw APIError.notFound("contest") }
        let maxAge = rendered.state == "final" ? 60 : 1
        var headers: HTTPFields = [
            .contentType: "application/json; charset=utf-8", .eTag: rendered.etag,
            .cacheControl: context.identity?.isOrganizer == true ? "private, no-cache" : "public, max-age=\(maxAge)",
        ]
        if request.headers[.ifNoneMatch] == rendered.etag {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: rendered.buffer))
    }

    /// Server-sent events: one `leaderboard` event now and one whenever the board changes.
    func leaderboardStream(_ request: Request, _ context: ArenaRequestContext) async throws -> Response {
        guard let id = context.parameters.get("contest"), try await store.contest(id: id) != nil else {
            throw APIError.notFound("contest")
        }
        let organizer = context.identity?.isOrganizer ?? false
        let leaderboards = self.leaderboards
        let body = ResponseBody { writer in
            var lastTag = ""
            // Bounded: clients reconnect after an hour (the EventSource default behaviour).
            for _ in 0..<3600 {
                if let rendered = try await leaderboards.render(
                    contestId: id, page: 1, pageSize: 500,
                    organizer: organizer),
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
                try await Task.sleep(for: .seconds(1))
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
    }

    static func contestView(_ record: ContestRecord) throws -> ContestView {
        let definition = try ContestDefinition.decode(json: record.definitionJSON)
        return ContestView(
            id: record.id, name: record.name, description: definition.description,
            instruments: definition.market.instruments, registrationOpen: record.registrationOpen,
            inviteRequired: record.inviteCodeSHA256 != nil, frozen: record.frozenAt != nil,
            published: record.publishedAt != nil, ticksPerRun: definition.evaluation.ticks,
            heatSize: definition.evaluation.heatSize, rounds: definition.evaluation.rounds.count,
            metric: definition.scoring.metric.rawValue,
            phases: definition.phases.map {
                PhaseView(name: $0.name, startsAt: $0.startsAt, endsAt: $0.endsAt, finalSelection: $0.finalSelection)
            },
            definitionSha256: record.definitionSHA256)
    }
}
