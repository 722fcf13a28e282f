import APIModels
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationEssentialsCompat

/// Typed helpers over HummingbirdTesting's client.
struct TestClient {
    let client: any TestClientProtocol

    struct Reply {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: Data

        func decode<T: Decodable>(_ type: T.Type) throws -> T { try APIJSON.decoder().decode(T.self, from: body) }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    func call(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, body: [UInt8]? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> Reply {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(
            uri: uri, method: method, headers: headers,
            body: body.map { ByteBuffer(bytes: $0) }
        ) { response in
            Reply(status: response.status, headers: response.headers, body: Data(buffer: response.body))
        }
    }

    func json<T: Encodable>(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, _ value: T) async throws
        -> Reply
    {
        try await call(
            method, uri, token: token, body: Array(try APIJSON.encoder().encode(value)),
            headers: [.contentType: "application/json"])
    }
}
