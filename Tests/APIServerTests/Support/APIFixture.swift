import APIModels
import APIServer
import BundleKit
import Foundation
import Hummingbird
import HummingbirdTesting
import Prometheus

/// An API over `InMemoryArena`, tested through the router (no database, no sockets).
struct APIFixture {
    let arena: InMemoryArena
    let api: ArenaAPI

    /// Generous rate limits, no leaderboard cache, one-check streams, a metrics registry.
    static func configuration() -> APIServerConfiguration {
        var configuration = APIServerConfiguration(
            tokenRate: 10_000, tokenBurst: 10_000, addressRate: 10_000, addressBurst: 10_000,
            leaderboardCacheMilliseconds: 0, leaderboardStreamInterval: .zero, leaderboardStreamChecks: 1)
        configuration.metricsRegistry = PrometheusCollectorRegistry()
        configuration.authFailureBurst = 10_000  // the authorization table sends many unknown tokens
        configuration.publicationWait = .zero  // no runner signs boards in memory
        return configuration
    }

    init(
        configuration: APIServerConfiguration = APIFixture.configuration(),
        validator: any BundleValidating = ScriptedValidator(),
        readiness: @escaping @Sendable () async throws -> Void = {}
    ) {
        arena = InMemoryArena()
        api = ArenaAPI(
            repositories: ArenaRepositories(store: arena, readiness: ReadinessCheck(readiness)),
            configuration: configuration, validator: validator)
    }

    /// Runs `body` against the router.
    func test(_ body: @escaping @Sendable (RouterClient) async throws -> Void) async throws {
        try await Application(router: api.router()).test(.router) { client in
            try await body(RouterClient(client: client))
        }
    }

    /// A small contest as YAML; `phases` in YAML flow syntax.
    static func contestYAML(id: String, phases: String? = nil) -> String {
        """
        id: \(id)
        name: Fixture \(id)
        market: { instruments: [BTC-PERP, ETH-PERP], tick_ms: 1000 }
        evaluation: { ticks: 20, heat_size: 8, starting_balance: "10000", rounds: [{seed: 11, public: true}] }
        limits: { tick_deadline_ms: 3000, first_tick_deadline_ms: 15000, max_strikes: 5 }
        \(phases.map { "phases: \($0)" } ?? "")
        """
    }

    /// Creates a contest as an organizer; throws on any status but 201.
    func createContest(_ client: RouterClient, organizer: String, yaml: String) async throws {
        let reply = try await client.call(
            .post, "/v1/admin/contests", token: organizer, body: Array(yaml.utf8), contentType: "application/yaml")
        guard reply.status == .created else { throw FixtureError("create contest: \(reply.status) \(reply.text)") }
    }

    /// Registers a team and returns its token and id.
    func register(_ client: RouterClient, contest: String, name: String) async throws -> (token: String, id: Int64) {
        let reply = try await client.call(.post, "/v1/contests/\(contest)/teams", json: #"{"name": "\#(name)"}"#)
        guard reply.status == .created else { throw FixtureError("register \(name): \(reply.status) \(reply.text)") }
        let body = try reply.decode(TeamRegistrationResponse.self)
        return (body.token, body.teamId)
    }
}
