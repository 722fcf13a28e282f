/// A readiness check given as a closure.
public struct ReadinessCheck: ReadinessChecking {
    let check: @Sendable () async throws -> Void

    /// - Parameter check: throws when the server is not ready.
    public init(_ check: @escaping @Sendable () async throws -> Void) {
        self.check = check
    }

    public func checkReadiness() async throws { try await check() }
}
