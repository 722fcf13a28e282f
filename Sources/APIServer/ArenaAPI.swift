public import BundleKit
public import Hummingbird
import Leaderboard

/// The HTTP API v1: routes for the public, teams and organizers.
///
/// Routes live in route groups, one per `AccessPolicy` (public, team, organizer); each group's
/// routes are registered by small route types (`Routes/`) that get only the repositories they
/// need. Requests pass metrics, the error shape, the client address and its rate limit, token
/// resolution (failures throttled per address) and the identity's rate limit first.
public struct ArenaAPI: Sendable {
    let repositories: ArenaRepositories
    let configuration: APIServerConfiguration
    let validator: any BundleValidating
    let leaderboards: LeaderboardService
    let limits: APILimits
    let replays: ReplayService

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
        self.limits = APILimits(configuration)
        self.replays = ReplayService()
    }

    /// Builds the router with every route and middleware.
    public func router() -> Router<ArenaRequestContext> {
        build(ledger: RouteLedger())
    }

    /// The router's responder with a deadline on reads (`ReadDeadlineResponder`): a `GET` that
    /// has not answered after `readDeadline` is run once more, then answered 503. What the
    /// server runs; tests may use `router()` directly.
    public func responder(readDeadline: Duration = .seconds(5)) -> some HTTPResponder<ArenaRequestContext> {
        ReadDeadlineResponder(base: router().buildResponder(), limit: readDeadline)
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
        router.middlewares.add(ClientAddressMiddleware(resolver: limits.resolver))
        router.middlewares.add(RateLimitMiddleware(perAddress: limits.perAddress))
        // Before authentication, so a GET hit by a database restart is repeated once with its
        // token lookup; a longer outage answers 503 with Retry-After, never a bare 500.
        router.middlewares.add(DatabaseOutageMiddleware())
        router.middlewares.add(
            AuthMiddleware(
                identities: repositories.identities, failures: limits.authFailures, verified: limits.verifiedTokens))
        router.middlewares.add(IdentityRateLimitMiddleware(perIdentity: limits.perIdentity))
        let groups = AccessGroups(router: router, ledger: ledger)
        let r = repositories
        OperationsRoutes(readiness: r.readiness, metricsRegistry: configuration.metricsRegistry)
            .register(on: groups)
        ContestRoutes(
            contests: r.contests, leaderboards: leaderboards, streamInterval: configuration.leaderboardStreamInterval,
            streamChecks: configuration.leaderboardStreamChecks, streams: limits.streams
        ).register(on: groups)
        BoardRoutes(contests: r.contests, boards: r.boards).register(on: groups)
        TeamRoutes(
            contests: r.contests, teams: r.teams, identities: r.identities, audit: r.audit,
            issuedTokens: limits.verifiedTokens
        ).register(on: groups)
        SubmissionRoutes(
            contests: r.contests, submissions: r.submissions, evaluations: r.evaluations, audit: r.audit,
            validator: validator,
            upload: UploadPolicy(
                bodyTimeout: configuration.bodyTimeout, executor: limits.validation,
                reservationSeconds: configuration.uploadReservationSeconds)
        ).register(on: groups)
        RunRoutes(runs: r.runs, contests: r.contests, integrity: r.integrity).register(on: groups)
        let publication = PublicationRoutes(
            contests: r.contests, boards: r.boards, audit: r.audit, leaderboards: leaderboards,
            wait: configuration.publicationWait)
        AdminContestRoutes(
            contests: r.contests, teams: r.teams, audit: r.audit, evaluations: r.evaluations,
            leaderboards: leaderboards, publication: publication
        ).register(on: groups)
        AdminTeamRoutes(teams: r.teams, audit: r.audit, evaluations: r.evaluations, leaderboards: leaderboards)
            .register(on: groups)
        AdminListRoutes(contests: r.contests, lists: r.adminLists, audit: r.audit).register(on: groups)
        AdminRunRoutes(runs: r.runs, leaderboards: leaderboards).register(on: groups)
        AdminInviteRoutes(contests: r.contests, teams: r.teams, audit: r.audit).register(on: groups)
        IntegrityRoutes(integrity: r.integrity, contests: r.contests, boards: r.boards, audit: r.audit)
            .register(on: groups)
        ReplayRoutes(runs: r.runs, replays: replays).register(on: groups)
        WebRoutes(
            contests: r.contests, teams: r.teams, submissions: r.submissions, runs: r.runs, leaderboards: leaderboards,
            replays: replays, reviews: IntegrityReviews(integrity: r.integrity, boards: r.boards, audit: r.audit),
            publicBaseURL: configuration.publicBaseURL
        ).register(on: groups)
        return router
    }
}
