import APIServer
import Hummingbird
import HummingbirdTesting
import Prometheus
import Storage
import Testing

/// `/metrics` serves the configured Prometheus registry as text to organizers, and the cluster-wide counts
/// behind the database gauges (queue, submissions, runs, sessions) come from PostgreSQL.
struct OperationsMetricsTests {
    @Test func snapshotCountsTheQueueSubmissionsAndSessions() async throws {
        try await ServiceFixture.with { fixture in
            let empty = try await fixture.store.operationalSnapshot()
            #expect(empty.queueDepth == 0 && empty.oldestQueuedAgeSeconds == 0)
            #expect(empty.submissionsByState.isEmpty && empty.runsByState.isEmpty && empty.jobsRunningByKind.isEmpty)
            #expect(empty.databaseMaxConnections > 0)
            let app = Application(router: fixture.api.router())
            try await app.test(.router) { raw in
                let client = TestClient(client: raw)
                let organizer = try await fixture.organizerToken()
                try await fixture.createContest(
                    client, organizer: organizer, yaml: ServiceFixture.contestYAML(id: "ops"))
                let team = try await fixture.register(client, contest: "ops", name: "ops-team")
                let reply = try await client.call(
                    .post, "/v1/submissions", token: team.token,
                    body: try IntegrationHarness.seedBundle("strategies/grid"))
                #expect(reply.status == .accepted, "\(reply.text)")
            }
            let snapshot = try await fixture.store.operationalSnapshot()
            #expect(snapshot.submissionsByState == ["validating": 1])
            #expect(snapshot.queueDepth == 1, "its validation episode waits")
            #expect(snapshot.oldestQueuedAgeSeconds >= 0)
            #expect(snapshot.databaseSessionsByState.values.reduce(0, +) >= 1)
        }
    }

    @Test func metricsRouteServesTheRegistry() async throws {
        let registry = PrometheusCollectorRegistry()
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                metricName: "arena_test", unitName: "total",
                helpText: "test counter")
        ).increment(by: Int64(3))
        var configuration = APIServerConfiguration(leaderboardCacheMilliseconds: 0)
        configuration.metricsRegistry = registry
        try await ServiceFixture.with(configuration: configuration) { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.router) { raw in
                let client = TestClient(client: raw)
                #expect(try await client.call(.get, "/metrics").status == .unauthorized, "organizer tokens only")
                let reply = try await client.call(.get, "/metrics", token: try await fixture.organizerToken())
                #expect(reply.status == .ok)
                #expect(reply.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                #expect(reply.text.contains("arena_test_total 3"))
            }
        }
    }
}
