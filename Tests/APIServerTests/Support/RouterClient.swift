import APIModels
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationEssentialsCompat

/// Typed calls through HummingbirdTesting's router client (no sockets).
struct RouterClient {
    let client: any TestClientProtocol

    struct Reply {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try APIJSON.decoder().decode(T.self, from: body) }
    }

    func call(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, body: [UInt8]? = nil,
        contentType: String = "application/json"
    ) async throws -> Reply {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil { headers[.contentType] = contentType }
        return try await client.execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(bytes: $0) }
        ) { response in
            Reply(status: response.status, headers: response.headers, body: Data(buffer: response.body))
        }
    }

    func call(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: String) async throws -> Reply {
        try await call(method, uri, token: token, body: Array(json.utf8))
    }
}
