/// One route and the policy of the group it was registered in (see `ArenaAPI.routeAccess()`).
public struct RouteAccess: Sendable, Hashable, CustomStringConvertible {
    /// `GET`, `POST`, …
    public var method: String
    /// The route as the router prints it, e.g. `/v1/runs/{id}/report`.
    public var path: String
    public var policy: AccessPolicy

    public var description: String { "\(method) \(path) [\(policy.rawValue)]" }
}
