import Foundation
public import Leaderboard
public import Prometheus

/// Settings of the HTTP API.
public struct APIServerConfiguration: Sendable {
    /// Address to bind, e.g. `127.0.0.1`.
    public var host: String
    public var port: Int
    /// Base URL printed in links (transcript and attestation URLs).
    public var publicBaseURL: String
    /// Requests per second (and burst) allowed per authenticated identity (a team or an
    /// organizer), after authentication.
    public var tokenRate: Double
    public var tokenBurst: Double
    /// Requests per second (and burst) allowed per client address, on every request first.
    public var addressRate: Double
    public var addressBurst: Double
    /// Failed authentications per second (and burst) allowed per client address; past them a
    /// request with a token is refused (429) before its token is looked up.
    public var authFailureRate: Double = 0.2
    public var authFailureBurst: Double = 20
    /// Most buckets each rate limiter keeps in memory (the least recently used is evicted).
    public var rateLimitKeys = 100_000
    /// Reverse proxies whose `X-Forwarded-For` names the client (see `ClientAddressResolver`).
    /// Empty: the socket peer is the client and the header is ignored.
    public var trustedProxies: [IPNetwork] = []
    /// Open leaderboard streams (server-sent events) per client address, and in total.
    public var maxStreamsPerAddress = 4
    public var maxStreams = 1000
    /// Deadline for reading a whole request body (bundles and JSON); `408 body_timeout` after it.
    public var bodyTimeout: Duration = .seconds(60)
    /// Idle connections (nothing read, no response in progress) are closed after this long; the
    /// composition root passes it to the HTTP server (`httpServer`).
    public var idleTimeout: Duration = .seconds(30)
    /// Bundle validations running at once (own threads, not the cooperative pool) and waiting;
    /// past both an upload is refused with `503 validation_busy` and `Retry-After`.
    public var validationThreads = ProcessInfo.processInfo.activeProcessorCount
    public var validationQueue = 2 * ProcessInfo.processInfo.activeProcessorCount
    /// How long an upload's quota reservation counts if it is never released (a crashed API).
    public var uploadReservationSeconds = 600
    /// How long `publish` and `amend` wait for a runner to sign the board before answering
    /// (the board follows when no runner is free yet).
    public var publicationWait: Duration = .seconds(5)
    /// How long a rendered leaderboard is served from memory before re-reading the database.
    public var leaderboardCacheMilliseconds: Int
    /// Boards (contest × public/organizer view) kept in memory, and rendered pages per board.
    public var leaderboardCacheBoards = 64
    public var leaderboardCachePages = 16
    /// How often a leaderboard stream checks for a new board, and how many checks before the
    /// server ends the stream (clients reconnect): one hour by default.
    public var leaderboardStreamInterval: Duration
    public var leaderboardStreamChecks: Int
    /// Engine version reported on the leaderboard.
    public var engineVersion: String
    /// Registry served at `GET /metrics` (organizer tokens only); without one the route is not
    /// registered. Operators scrape without a token from a separate listener instead
    /// (`arena-server serve --metrics-port`).
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
        LeaderboardCacheConfiguration(
            cacheMilliseconds: leaderboardCacheMilliseconds, engineVersion: engineVersion,
            maxBoards: leaderboardCacheBoards, maxPagesPerBoard: leaderboardCachePages)
    }
}
