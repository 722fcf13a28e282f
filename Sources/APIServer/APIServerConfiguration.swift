import Leaderboard
import Prometheus

/// Settings of the HTTP API.
public struct APIServerConfiguration: Sendable {
    /// Address to bind, e.g. `127.0.0.1`.
    public var host: String
    public var port: Int
    /// Base URL printed in links (transcript and attestation URLs).
    public var publicBaseURL: String
    /// Requests per second (and burst) allowed per token.
    public var tokenRate: Double
    public var tokenBurst: Double
    /// Requests per second (and burst) allowed per IP address without a token.
    public var addressRate: Double
    public var addressBurst: Double
    /// How long a rendered leaderboard is served from memory before re-reading the database.
    public var leaderboardCacheMilliseconds: Int
    /// How often a leaderboard stream checks for a new board, and how many checks before the
    /// server ends the stream (clients reconnect): one hour by default.
    public var leaderboardStreamInterval: Duration
    public var leaderboardStreamChecks: Int
    /// Engine version reported on the leaderboard.
    public var engineVersion: String
    /// Registry served at `GET /metrics`; without one the route is not registered.
    public var metricsRegistry: PrometheusCollectorRegistry?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, publicBaseURL: String? = nil, tokenRate: Double = 20,
        tokenBurst: Double = 60, addressRate: Double = 500, addressBurst: Double = 2000,
        leaderboardCacheMilliseconds: Int = 1000, engineVersion: String = "unknown",
        leaderboardStreamInterval: Duration = .seconds(1), leaderboardStreamChecks: Int = 3600
    ) {
        self.host = host
        self.port = port
        self.publicBaseURL = publicBaseURL ?? "http://\(host):\(port)"
        self.tokenRate = tokenRate
        self.tokenBurst = tokenBurst
        self.addressRate = addressRate
        self.addressBurst = addressBurst
        self.leaderboardCacheMilliseconds = leaderboardCacheMilliseconds
        self.leaderboardStreamInterval = leaderboardStreamInterval
        self.leaderboardStreamChecks = leaderboardStreamChecks
        self.engineVersion = engineVersion
    }

    /// The leaderboard cache's share of these settings.
    public var leaderboardCache: LeaderboardCacheConfiguration {
        LeaderboardCacheConfiguration(cacheMilliseconds: leaderboardCacheMilliseconds, engineVersion: engineVersion)
    }
}
