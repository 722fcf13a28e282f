import Foundation
public import PostgresNIO

/// Parses `postgres://user:password@host:port/database?sslmode=disable` (or `?host=/socket/dir`)
/// into a `PostgresClient.Configuration`, with the platform's connection time limits
/// (``DatabaseTimeouts``; the URL's `statement_timeout`, `idle_in_transaction_session_timeout`
/// (ms) and `connect_timeout` (s) query items override them).
public enum DatabaseURL {
    /// Builds a client configuration from a URL string.
    public static func configuration(
        from text: String, timeouts: DatabaseTimeouts = .standard
    ) throws(StorageError) -> PostgresClient.Configuration {
        guard let components = URLComponents(string: text),
            let scheme = components.scheme, scheme == "postgres" || scheme == "postgresql"
        else { throw StorageError(.invalidDatabaseURL, "DATABASE_URL must look like postgres://user@host:port/db") }
        let user = components.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
        let password = components.password.flatMap { $0.removingPercentEncoding }
        var database = components.path
        if database.hasPrefix("/") { database.removeFirst() }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        let port = components.port ?? query["port"].flatMap(Int.init) ?? 5432
        var configuration: PostgresClient.Configuration
        if let socketDirectory = query["host"], socketDirectory.hasPrefix("/") {
            configuration = .init(
                unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: user, password: password,
                database: database.isEmpty ? nil : database)
        } else {
            guard let host = components.host, !host.isEmpty else {
                throw StorageError(.invalidDatabaseURL, "DATABASE_URL has no host")
            }
            let tls: PostgresClient.Configuration.TLS
            switch query["sslmode"] ?? (host == "127.0.0.1" || host == "localhost" ? "disable" : "prefer") {
            case "disable": tls = .disable
            case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
            default: tls = .prefer(.makeClientConfiguration())
            }
            configuration = .init(
                host: host, port: port, username: user, password: password,
                database: database.isEmpty ? nil : database, tls: tls)
        }
        timeouts.overridden(by: query).apply(to: &configuration)
        return configuration
    }
}
