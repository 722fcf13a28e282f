import Foundation
import Logging

/// Which PostgreSQL connection each part of the server uses (Deployment/CONFIGURATION.md,
/// "Database roles"): the owner (`DATABASE_URL`) for migrations and bootstrap commands, the API
/// as a member of `arena_api` (`ARENA_API_DATABASE_URL`), the runners as a member of
/// `arena_runner` (`ARENA_RUNNER_DATABASE_URL`). A service without its own URL falls back to the
/// owner's, with one warning line; the embedded cluster always separates them.
struct DatabaseConnections: Equatable {
    /// The migration owner's URL; nil when only per-service URLs are configured.
    var ownerURL: String?
    var apiURL: String
    var runnerURL: String
    /// True when the URL is the embedded cluster's (roles get LOGIN after migrating).
    var embedded: Bool

    /// The group roles migration 0005 creates.
    static let apiRole = "arena_api"
    static let runnerRole = "arena_runner"

    /// Resolves the URLs from the environment; `embeddedURL` is the embedded cluster's superuser
    /// URL when no URL is configured at all.
    static func resolve(_ environment: [String: String], embeddedURL: String?) -> DatabaseConnections {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let api = value("ARENA_API_DATABASE_URL")
        let runner = value("ARENA_RUNNER_DATABASE_URL")
        if let owner = value("DATABASE_URL") {
            return DatabaseConnections(
                ownerURL: owner, apiURL: api ?? owner, runnerURL: runner ?? owner, embedded: false)
        }
        if let service = api ?? runner {
            return DatabaseConnections(
                ownerURL: nil, apiURL: api ?? service, runnerURL: runner ?? service, embedded: false)
        }
        let owner = embeddedURL ?? ""
        return DatabaseConnections(
            ownerURL: owner, apiURL: replacingUser(in: owner, with: apiRole),
            runnerURL: replacingUser(in: owner, with: runnerRole), embedded: true)
    }

    /// Whether any URL is configured (otherwise the embedded cluster is used).
    static func configured(_ environment: [String: String]) -> Bool {
        ["DATABASE_URL", "ARENA_API_DATABASE_URL", "ARENA_RUNNER_DATABASE_URL"].contains {
            !(environment[$0] ?? "").isEmpty
        }
    }

    /// One warning line per service that shares the owner's connection.
    func warnIfNotSeparated(api: Bool, runner: Bool, logger: Logger) {
        guard let ownerURL else { return }
        if api && apiURL == ownerURL {
            logger.warning(
                "database roles are not separated: the API connects as DATABASE_URL's user; set ARENA_API_DATABASE_URL (a member of arena_api), see Deployment/CONFIGURATION.md"
            )
        }
        if runner && runnerURL == ownerURL {
            logger.warning(
                "database roles are not separated: the runners connect as DATABASE_URL's user; set ARENA_RUNNER_DATABASE_URL (a member of arena_runner), see Deployment/CONFIGURATION.md"
            )
        }
    }

    static func replacingUser(in url: String, with user: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.user = user
        components.password = nil
        return components.string ?? url
    }
}
