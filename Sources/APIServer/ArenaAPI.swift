import BundleKit
import APIModels
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Storage

/// The HTTP API v1: routes for the public, teams and organizers.
public struct ArenaAPI: Sendable {
    let store: ArenaStore
    let configuration: APIServerConfiguration
    let validator: any BundleValidating
    let leaderboards: LeaderboardService
    let readiness: @Sendable () async throws -> Void

    /// - Parameters:
    ///   - readiness: throws when the server is not ready (database down, migrations pending).
    public init(
        store: ArenaStore, configuration: APIServerConfiguration, validator: any BundleValidating,
        readiness: @escaping @Sendable () async throws -> Void
    ) {
        self.store = store
        self.configuration = configuration
        self.validator = validator
        self.leaderboards = LeaderboardService(store: store, configuration: configuration)
        self.readiness = readiness
    }

    /// Builds the router with every route and middleware.
    public func router() -> Router<ArenaRequestContext> {
        let router = Router(context: ArenaRequestContext.self)
        router.middlewares.add(MetricsMiddleware())
        router.middlewares.add(ErrorMiddleware())
        router.middlewares.add(
            RateLimitMiddleware(
                perToken: RateLimiter(ratePerSecond: configuration.tokenRate, burst: configuration.tokenBurst),
                perAddress: RateLimiter(ratePerSecond: configuration.addressRate, burst: configuration.addressBurst)))
        router.middlewares.add(AuthMiddleware(store: store))
        addOperationsRoutes(to: router)
        addMetricsRoutes(to: router)
        addPublicRoutes(to: router)
        addTeamRoutes(to: router)
        addSubmissionRoutes(to: router)
        addRunRoutes(to: router)
        addAdminRoutes(to: router)
        addAdminListRoutes(to: router)
        addRerunRoutes(to: router)
        addSelectionRoutes(to: router)
        return router
    }

    /// A JSON response with the API's encoding conventions.
    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws
        -> Response
    {
        let body = try APIJSON.encoder().encode(value)
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        if fields[.cacheControl] == nil { fields[.cacheControl] = "no-store" }
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// Decodes a small JSON body.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: ArenaRequestContext) async throws
        -> T
    {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        do {
            return try APIJSON.decoder().decode(T.self, from: Data(buffer: buffer))
        } catch {
            throw APIError.badRequest(
                "invalid_json", "the request body is not the JSON this route expects: \(Self.describe(error))")
        }
    }

    static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "malformed JSON" }
        switch decoding {
        case .keyNotFound(let key, _): return "missing field \(key.stringValue)"
        case .typeMismatch(_, let c), .valueNotFound(_, let c):
            return "wrong type at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "malformed JSON"
        }
    }

    static func requireTeam(_ context: ArenaRequestContext) throws -> TeamRecord {
        guard let identity = context.identity else { throw APIError.unauthorized() }
        guard let team = identity.team else { throw APIError.forbidden("this route is for team tokens") }
        return team
    }

    static func requireOrganizer(_ context: ArenaRequestContext) throws -> String {
        guard let identity = context.identity else { throw APIError.unauthorized() }
        guard case .organizer(let name) = identity else { throw APIError.forbidden("this route is for organizers") }
        return name
    }

    static func int64Parameter(_ context: ArenaRequestContext, _ name: String) throws -> Int64 {
        guard let text = context.parameters.get(name), let value = Int64(text), value > 0 else {
            throw APIError.badRequest("invalid_parameter", "\(name) must be a positive integer")
        }
        return value
    }
}
