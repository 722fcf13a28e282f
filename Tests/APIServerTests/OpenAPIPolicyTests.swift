import APIServer
import Foundation
import Testing

/// The access policy of every route agrees with `openapi.json`: public routes (and only they)
/// allow calls without a token (`security` lists `{}`); organizer routes (and only they) carry
/// the `admin` tag; every documented operation is served and every served route documented.
struct OpenAPIPolicyTests {
    static let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]

    @Test func policiesMatchTheDocument() throws {
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var operations: [String: [String: Any]] = [:]
        for (path, entries) in paths {
            for (method, value) in entries where Self.methods.contains(method) {
                operations["\(method.uppercased()) \(path)"] = value as? [String: Any]
            }
        }
        let access = APIFixture().api.routeAccess()
        #expect(Set(access.map { "\($0.method) \($0.path)" }) == Set(operations.keys))
        for route in access {
            let key = "\(route.method) \(route.path)"
            guard let operation = operations[key] else { continue }
            let security = operation["security"] as? [[String: Any]] ?? []
            let anonymous = security.contains { $0.isEmpty }
            let admin = (operation["tags"] as? [String] ?? []).contains("admin")
            #expect(anonymous == (route.policy == .anyone), "\(key): anonymous access documented as \(route.policy)")
            #expect(admin == (route.policy == .organizer), "\(key): admin tag iff organizer policy")
            let responses = operation["responses"] as? [String: Any] ?? [:]
            if route.policy != .anyone {
                #expect(responses["403"] != nil, "\(key): the policy's 403 is documented")
            }
        }
    }
}
