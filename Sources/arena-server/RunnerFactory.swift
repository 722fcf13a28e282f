import AuditLog
import BundleKit
import Foundation
import HeatRunner
import JobRunner
import ServiceLifecycle

/// Builds runner services with unique owner names (`host:pid:n`).
enum RunnerFactory {
    static func make(environment: ServerEnvironment, count: Int) -> [any Service] {
        let host = ProcessInfo.processInfo.hostName
        let pid = ProcessInfo.processInfo.processIdentifier
        let env = ProcessInfo.processInfo.environment
        let lease = env["ARENA_LEASE_SECONDS"].flatMap(Int.init) ?? 30
        // Create the attestation key once, before runners start concurrently (they share it).
        _ = try? KeyStore(configuration: KeyStoreConfiguration(directory: environment.stateDirectory + "/keys"))
            .activeKey()
        if count > 0 {
            environment.connections.warnIfNotSeparated(api: false, runner: true, logger: environment.logger)
        }
        return (0..<count).map { index in
            RunnerService(
                // Runners connect as their own role (arena_runner): results only through the lease check.
                store: environment.runnerStore,
                configuration: RunnerConfiguration(
                    owner: env["ARENA_RUNNER_NAME"].map { "\($0):\(index)" } ?? "\(host):\(pid):\(index)",
                    lease: .seconds(lease), heartbeat: .seconds(max(1, lease / 6)),
                    workDirectory: environment.stateDirectory + "/work",
                    keyDirectory: environment.stateDirectory + "/keys",
                    sandbox: RuntimePaths.sandbox()),
                logger: environment.logger)
        }
    }
}
