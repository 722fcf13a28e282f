import Hummingbird
import NIOCore
import Prometheus

extension ArenaAPI {
    /// `GET /metrics`: the Prometheus text exposition of `configuration.metricsRegistry`
    /// (absent when no registry is configured, e.g. in tests).
    func addMetricsRoutes(to router: Router<ArenaRequestContext>) {
        guard let registry = configuration.metricsRegistry else { return }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
    }
}
