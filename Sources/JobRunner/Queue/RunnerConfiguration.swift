public import Sandbox

/// Settings of a runner process.
public struct RunnerConfiguration: Sendable {
    /// Unique name of this runner (host:pid by default); recorded as the lease owner.
    public var owner: String
    /// How long a claimed job stays ours without a heartbeat.
    public var lease: Duration
    /// How often the lease is renewed while a heat runs.
    public var heartbeat: Duration
    /// Sleep between polls of an empty queue.
    public var pollInterval: Duration
    /// Where bundles are unpacked for workers (one fresh directory per run).
    public var workDirectory: String
    /// Directory of the attestation key store.
    public var keyDirectory: String
    public var sandbox: SandboxConfiguration
    /// Longest wait for one database call of the queue (a poll, a read, the final commit) before
    /// it is abandoned, so a runner cut off from the database never hangs in it (the server's
    /// own `statement_timeout`, ``Storage/DatabaseTimeouts``, also ends a statement it is still
    /// running). Default 20 s: a commit takes well under a second.
    public var databaseTimeout: Duration
    /// How many times the final commit is attempted when the connection drops or times out
    /// (the database's lease check makes a repeated commit harmless).
    public var commitAttempts: Int

    public init(
        owner: String, lease: Duration = .seconds(30), heartbeat: Duration = .seconds(5),
        pollInterval: Duration = .milliseconds(500), workDirectory: String, keyDirectory: String,
        sandbox: SandboxConfiguration, databaseTimeout: Duration = .seconds(20), commitAttempts: Int = 4
    ) {
        self.owner = owner
        self.lease = lease
        self.heartbeat = heartbeat
        self.pollInterval = pollInterval
        self.workDirectory = workDirectory
        self.keyDirectory = keyDirectory
        self.sandbox = sandbox
        self.databaseTimeout = databaseTimeout
        self.commitAttempts = commitAttempts
    }
}
