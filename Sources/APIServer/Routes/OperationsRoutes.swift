import Hummingbird
import Logging
import NIOCore
import Prometheus

/// Liveness, readiness and the OpenAPI document (public), and Prometheus metrics (organizer
/// tokens only: request counters and queue gauges are operational detail, not public; operators
/// scrape them without a token from a separate listener, `arena-server serve --metrics-port`).
struct OperationsRoutes: Sendable {
    let readiness: any ReadinessChecking
    /// Served at `GET /metrics`; without one the route is not registered.
    let metricsRegistry: PrometheusCollectorRegistry?

    func register(on groups: AccessGroups) {
        groups.anyone.get("/healthz") { _, _ in
            try Response.json(["status": "ok"])
        }
        groups.anyone.get("/readyz") { _, context in
            do {
                try await readiness.checkReadiness()
            } catch {
                // The reason (database errors, migration names) goes to the log, not to callers.
                context.logger.warning("not ready", metadata: ["error": "\(String(reflecting: error))"])
                throw APIError(
                    .serviceUnavailable, code: "not_ready",
                    "not ready (database unreachable or migrations pending); see the server log",
                    headers: [.retryAfter: "5"])
            }
            return try Response.json(["status": "ready"])
        }
        groups.anyone.get("/v1/openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: "public, max-age=300"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        if let registry = metricsRegistry {
            groups.organizer.get("/metrics") { _, _ in
                Response(
                    status: .ok,
                    headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                    body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
            }
        }
    }
}
