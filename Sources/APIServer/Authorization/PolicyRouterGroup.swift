import HTTPTypes
import Hummingbird

/// A route group with an access policy. Routes are only ever added through one of these (see
/// `AccessGroups`), and each addition is written to a ledger, so `ArenaAPI.routeAccess()` lists
/// every route with its policy and a route without one cannot exist unnoticed.
struct PolicyRouterGroup<Context: RequestContext>: RouterMethods {
    let policy: AccessPolicy
    let group: RouterGroup<Context>
    let ledger: RouteLedger

    @discardableResult
    func on<Responder: HTTPResponder>(_ path: RouterPath, method: HTTPRequest.Method, responder: Responder) -> Self
    where Responder.Context == Context {
        ledger.record(RouteAccess(method: method.rawValue, path: "\(path)", policy: policy))
        group.on(path, method: method, responder: responder)
        return self
    }

    @discardableResult
    func add(middleware: any MiddlewareProtocol<Request, Response, Context>) -> Self {
        group.add(middleware: middleware)
        return self
    }
}
