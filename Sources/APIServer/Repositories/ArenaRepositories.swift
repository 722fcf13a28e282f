public import Leaderboard

/// Everything the API reads and writes, one small protocol per area. Each route group gets only
/// the repositories it needs.
public struct ArenaRepositories: Sendable {
    public var identities: any IdentityRepository
    public var contests: any ContestRepository
    public var teams: any TeamRepository
    public var submissions: any SubmissionRepository
    public var runs: any RunRepository
    public var adminLists: any AdminListRepository
    public var audit: any AuditRepository
    public var evaluations: any EvaluationQueue
    public var leaderboards: any LeaderboardReading
    public var boards: any BoardReading
    public var integrity: any IntegrityRepository
    public var readiness: any ReadinessChecking

    public init(
        identities: any IdentityRepository, contests: any ContestRepository, teams: any TeamRepository,
        submissions: any SubmissionRepository, runs: any RunRepository, adminLists: any AdminListRepository,
        audit: any AuditRepository, evaluations: any EvaluationQueue, leaderboards: any LeaderboardReading,
        boards: any BoardReading, integrity: any IntegrityRepository, readiness: any ReadinessChecking
    ) {
        self.identities = identities
        self.contests = contests
        self.teams = teams
        self.submissions = submissions
        self.runs = runs
        self.adminLists = adminLists
        self.audit = audit
        self.evaluations = evaluations
        self.leaderboards = leaderboards
        self.boards = boards
        self.integrity = integrity
        self.readiness = readiness
    }

    /// Every area served by one store (the PostgreSQL store, or an in-memory one in tests).
    public init(store: some AllRepositories, readiness: any ReadinessChecking) {
        self.init(
            identities: store, contests: store, teams: store, submissions: store, runs: store, adminLists: store,
            audit: store, evaluations: store, leaderboards: store, boards: store, integrity: store,
            readiness: readiness)
    }
}

/// A store that serves every area of the API.
public typealias AllRepositories = IdentityRepository & ContestRepository & TeamRepository & SubmissionRepository
    & RunRepository & AdminListRepository & AuditRepository & EvaluationQueue & LeaderboardReading & BoardReading
    & IntegrityRepository
