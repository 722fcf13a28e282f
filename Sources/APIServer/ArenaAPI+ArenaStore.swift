public import BundleKit
public import Storage

extension ArenaAPI {
    /// The API over the PostgreSQL store (every repository), as the composition roots build it.
    ///
    /// - Parameters:
    ///   - readiness: throws when the server is not ready (database down, migrations pending).
    public init(
        store: ArenaStore, configuration: APIServerConfiguration, validator: any BundleValidating,
        readiness: @escaping @Sendable () async throws -> Void
    ) {
        self.init(
            repositories: ArenaRepositories(store: store, readiness: ReadinessCheck(readiness)),
            configuration: configuration, validator: validator)
    }
}
