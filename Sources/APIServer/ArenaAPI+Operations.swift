import Hummingbird

extension ArenaAPI {
    func addOperationsRoutes(to router: Router<ArenaRequestContext>) {
        router.get("/healthz") { _, _ in
            try ArenaAPI.json(["status": "ok"])
        }
        router.get("/readyz") { _, _ in
            do {
                try await readiness()
            } catch {
                throw APIError(.serviceUnavailable, code: "not_ready", "not ready: \(error)")
            }
            return try ArenaAPI.json(["status": "ready"])
        }
        router.get("/v1/openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: "public, max-age=300"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
    }
}
