import Logging
import ServiceLifecycle
import UnixSignals

/// The process's service group: the PostgreSQL clients first (shut down last), then the rest.
enum ServiceGroupFactory {
    static func make(
        environment: ServerEnvironment, services: [any Service],
        finishing: (any Service)? = nil
    ) -> ServiceGroup {
        var configurations: [ServiceGroupConfiguration.ServiceConfiguration] = environment.clients.map {
            .init(service: $0)
        }
        configurations += services.map { .init(service: $0) }
        if let finishing {
            configurations.append(.init(service: finishing, successTerminationBehavior: .gracefullyShutdownGroup))
        }
        return ServiceGroup(
            configuration: .init(
                services: configurations, gracefulShutdownSignals: [.sigterm, .sigint], logger: environment.logger))
    }
}
