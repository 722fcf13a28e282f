import Metrics
import Prometheus

/// Installs the Prometheus backend for swift-metrics once per process and returns its registry
/// (served at `/metrics` by the API, and by runners started with `--metrics-port`).
enum MetricsBootstrap {
    static func bootstrap() -> PrometheusCollectorRegistry {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // Request latency: finer buckets at the low end (most API calls take a few milliseconds).
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .milliseconds(2500), .seconds(5), .seconds(10),
        ]
        MetricsSystem.bootstrap(factory)
        return registry
    }
}
