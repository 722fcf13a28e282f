/// Settings of `DatabaseMetricsService`.
struct DatabaseMetricsConfiguration: Sendable {
    /// How often the gauges are re-read from PostgreSQL (`ARENA_METRICS_REFRESH_SECONDS`, default 10).
    var interval: Duration = .seconds(10)
}
