import Hummingbird
import Logging
import NIOCore
import Prometheus

/// A minimal HTTP listener for metrics apart from the API: `GET /metrics` (this process's
/// counters: ticks, runs, worker faults, runs in flight; request metrics and database gauges in
/// `serve`) and `GET /healthz`. Started by `runner --metrics-port` and `serve --metrics-port`.
enum RunnerMetricsApplication {
    static func make(
        registry: PrometheusCollectorRegistry, host: String, port: Int,
        logger: Logger
    ) -> some ApplicationProtocol {
        let router = Router()
        router.get("/metrics") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
        router.get("/healthz") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
        }
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "perparena-runner"),
            logger: logger)
    }
}
