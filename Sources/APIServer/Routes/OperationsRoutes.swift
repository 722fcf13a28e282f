import Hummingbird
import NIOCore
import Prometheus

/// Liveness, readiness, the OpenAPI document and Prometheus metrics (all public).
struct OperationsRoutes: Sendable {
    let readiness: any ReadinessChecking
    /// Served at `GET /metrics`; without one the route is not registered.
    let metricsRegistry: PrometheusCollectorRegistry?

    func register(on groups: AccessGroups) {
        groups.anyone.get("/healthz") { _, _ in
            try Response.json(["status": "ok"])
        }
        groups.anyone.get("/readyz") { _, _ in
            do {
                try await readiness.checkReadiness()
            } catch {
                throw APIError(.serviceUnavailable, code: "not_ready", "not ready: \(error)")
            }
            return try Response.json(["status": "ready"])
        }
        groups.anyone.get("/v1/openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: "public, max-age=300"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        if let registry = metricsRegistry {
            groups.anyone.get("/metrics") { _, _ in
                Response(
                    status: .ok,
                    headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                    body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
            }
        }
    }
}
