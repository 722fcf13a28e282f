import BundleKit
import Hummingbird
import Leaderboard

/// The HTTP API v1: routes for the public, teams and organizers.
///
/// Routes live in route groups, one per `AccessPolicy` (public, team, organizer); each group's
/// routes are registered by small route types (`Routes/`) that get only the repositories they
/// need. Requests pass metrics, the error shape, rate limits and token resolution first.
public struct ArenaAPI: Sendable {
    let repositories: ArenaRepositories
    let configuration: APIServerConfiguration
    let validator: any BundleValidating
    let leaderboards: LeaderboardService

    /// - Parameters:
    ///   - repositories: what the API reads and writes, one protocol per area.
    ///   - configuration: rate limits, leaderboard cache and stream, metrics registry.
    ///   - validator: the static checks of submitted bundles.
    public init(
        repositories: ArenaRepositories, configuration: APIServerConfiguration, validator: any BundleValidating
    ) {
        self.repositories = repositories
        self.configuration = configuration
        self.validator = validator
        self.leaderboards = LeaderboardService(
            reader: repositories.leaderboards, configuration: configuration.leaderboardCache)
    }

    /// Builds the router with every route and middleware.
    public func router() -> Router<ArenaRequestContext> {
        build(ledger: RouteLedger())
    }

    /// Every route with the access policy of the group it is registered in.
    public func routeAccess() -> [RouteAccess] {
        let ledger = RouteLedger()
        _ = build(ledger: ledger)
        return ledger.routes
    }

    private func build(ledger: RouteLedger) -> Router<ArenaRequestContext> {
        let router = Router(context: ArenaRequestContext.self)
        router.middlewares.add(MetricsMiddleware())
        router.middlewares.add(ErrorMiddleware())
        router.middlewares.add(
            RateLimitMiddleware(
                perToken: RateLimiter(ratePerSecond: configuration.tokenRate, burst: configuration.tokenBurst),
                perAddress: RateLimiter(ratePerSecond: configuration.addressRate, burst: configuration.addressBurst)))
        router.middlewares.add(AuthMiddleware(identities: repositories.identities))
        let groups = AccessGroups(router: router, ledger: ledger)
        let r = repositories
        OperationsRoutes(readiness: r.readiness, metricsRegistry: configuration.metricsRegistry)
            .register(on: groups)
        ContestRoutes(
            contests: r.contests, leaderboards: leaderboards, streamInterval: configuration.leaderboardStreamInterval,
            streamChecks: configuration.leaderboardStreamChecks
        ).register(on: groups)
        TeamRoutes(contests: r.contests, teams: r.teams, identities: r.identities, audit: r.audit)
            .register(on: groups)
        SubmissionRoutes(
            contests: r.contests, submissions: r.submissions, evaluations: r.evaluations, audit: r.audit,
            validator: validator
        ).register(on: groups)
        RunRoutes(runs: r.runs).register(on: groups)
        AdminContestRoutes(contests: r.contests, audit: r.audit, evaluations: r.evaluations, leaderboards: leaderboards)
            .register(on: groups)
        AdminTeamRoutes(teams: r.teams, audit: r.audit, evaluations: r.evaluations, leaderboards: leaderboards)
            .register(on: groups)
        AdminListRoutes(contests: r.contests, lists: r.adminLists, audit: r.audit).register(on: groups)
        AdminRunRoutes(runs: r.runs, leaderboards: leaderboards).register(on: groups)
        return router
    }
}
