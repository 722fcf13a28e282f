/// Whether the server can take traffic (`GET /readyz`).
public protocol ReadinessChecking: Sendable {
    /// Throws when the server is not ready (database down, migrations pending), saying why.
    func checkReadiness() async throws
}
