import Logging
import ServiceLifecycle

/// Applies migrations, then runs the given services until graceful shutdown. Sits after the
/// PostgreSQL client in the service group so the database outlives everything that uses it.
struct StartupService: Service {
    let environment: ServerEnvironment
    let services: [any Service]

    func run() async throws {
        let outcome = try await environment.migrate()
        if !outcome.applied.isEmpty {
            environment.logger.info("applied migrations", metadata: ["names": "\(outcome.applied.joined(separator: ","))"])
        }
        try await withThrowingDiscardingTaskGroup { group in
            for service in services {
                group.addTask { try await service.run() }
            }
        }
    }
}
