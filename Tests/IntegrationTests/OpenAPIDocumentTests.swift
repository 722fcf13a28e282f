import APIModels
import APIServer
import BundleKit
import Foundation
import HeatRunner
import Hummingbird
import HummingbirdTesting
import JobRunner
import Logging
import PostgresNIO
import Prometheus
import Storage
import Testing

/// `Sources/APIServer/openapi.json` describes exactly the routes the router serves, its schemas
/// have exactly the keys the DTOs encode, and `/v1/openapi.json` serves it.
struct OpenAPIDocumentTests {
    static let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]

    static func document() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
    }

    /// An API over a client that never connects: enough to list routes.
    static func api() -> ArenaAPI {
        let client = PostgresClient(
            configuration: .init(
                host: "127.0.0.1", port: 1, username: "none", password: nil,
                database: nil, tls: .disable),
            backgroundLogger: Logger(label: "openapi-test"))
        var configuration = APIServerConfiguration()
        configuration.metricsRegistry = PrometheusCollectorRegistry()
        let store = ArenaStore(client: client, logger: Logger(label: "openapi-test"))
        return ArenaAPI(store: store, configuration: configuration, validator: BundleValidator()) {}
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws {
        let routes = Set(
            Self.api().router().routes.map { route in
                "\(route.method.rawValue) "
                    + "\(route.path)".split(separator: "/").map { part in
                        part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
                    }.joined(separator: "/").prefixed("/")
            })
        let paths = try #require(try Self.document()["paths"] as? [String: [String: Any]])
        let documented = Set(
            paths.flatMap { path, operations in
                operations.keys.filter(Self.methods.contains).map { "\($0.uppercased()) \(path)" }
            })
        #expect(routes.subtracting(documented).sorted() == [], "routes missing from openapi.json")
        #expect(documented.subtracting(routes).sorted() == [], "documented operations the router does not serve")
        #expect(routes.count >= 36)
    }

    @Test func everyOperationDocumentsTheErrorShapeAndAuth() throws {
        let document = try Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        for (path, operations) in paths {
            for (method, value) in operations where Self.methods.contains(method) {
                let operation = try #require(value as? [String: Any])
                let responses = try #require(operation["responses"] as? [String: Any])
                #expect(responses["401"] != nil && responses["429"] != nil, "\(method) \(path): 401 and 429")
                #expect(operation["security"] != nil, "\(method) \(path): security")
                #expect(operation["operationId"] is String, "\(method) \(path): operationId")
            }
        }
    }

    @Test func schemasHaveExactlyTheKeysTheDTOsEncode() throws {
        let components = try #require(try Self.document()["components"] as? [String: Any])
        let schemas = try #require(components["schemas"] as? [String: [String: Any]])
        for (name, full, minimal) in DTOSamples.all {
            let schema = try #require(schemas[name], "schema \(name)")
            let properties = Set((schema["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
            let required = Set(schema["required"] as? [String] ?? [])
            #expect(try DTOSamples.keys(full) == properties, "\(name): properties are the encoded keys")
            #expect(try DTOSamples.keys(minimal) == required, "\(name): required are the keys always encoded")
        }
    }

    @Test func theDocumentIsServed() async throws {
        let app = Application(router: Self.api().router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == OpenAPIDocument.json)
            }
        }
    }
}

extension String {
    fileprivate func prefixed(_ prefix: String) -> String { hasPrefix(prefix) ? self : prefix + self }
}
