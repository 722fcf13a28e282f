import Synchronization

/// Collects the routes registered through `PolicyRouterGroup`s with their policies.
final class RouteLedger: Sendable {
    private let entries = Mutex<[RouteAccess]>([])

    func record(_ entry: RouteAccess) {
        entries.withLock { $0.append(entry) }
    }

    var routes: [RouteAccess] { entries.withLock { $0 } }
}
