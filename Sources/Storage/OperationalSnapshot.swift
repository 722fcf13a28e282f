/// Cluster-wide counts read from PostgreSQL for the metrics endpoint: the job queue,
/// submissions and runs by state, and database sessions. Any API server can publish them
/// because they come from the shared database, not from process memory.
public struct OperationalSnapshot: Sendable, Equatable {
    /// Jobs waiting in the queue (`queued`, including those backing off before a retry).
    public var queueDepth: Int
    /// Age in seconds of the oldest queued job (0 when the queue is empty).
    public var oldestQueuedAgeSeconds: Double
    /// Jobs currently leased by a runner, by kind (`evaluate`, `run`).
    public var jobsRunningByKind: [String: Int]
    /// Submissions by state (`received` … `superseded`); states without rows are absent.
    public var submissionsByState: [String: Int]
    /// Runs by state (`queued`, `running`, `complete`, `failed`); states without rows are absent.
    public var runsByState: [String: Int]
    /// Sessions of this database in `pg_stat_activity` by state (`active`, `idle`, …).
    public var databaseSessionsByState: [String: Int]
    /// The server's `max_connections`.
    public var databaseMaxConnections: Int

    public init(
        queueDepth: Int = 0, oldestQueuedAgeSeconds: Double = 0, jobsRunningByKind: [String: Int] = [:],
        submissionsByState: [String: Int] = [:], runsByState: [String: Int] = [:],
        databaseSessionsByState: [String: Int] = [:], databaseMaxConnections: Int = 0
    ) {
        self.queueDepth = queueDepth
        self.oldestQueuedAgeSeconds = oldestQueuedAgeSeconds
        self.jobsRunningByKind = jobsRunningByKind
        self.submissionsByState = submissionsByState
        self.runsByState = runsByState
        self.databaseSessionsByState = databaseSessionsByState
        self.databaseMaxConnections = databaseMaxConnections
    }
}
