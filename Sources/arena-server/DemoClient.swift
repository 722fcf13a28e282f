import APIModels
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationEssentialsCompat
import NIOHTTP1

/// A small HTTP client for the demo driver (the same calls the `arena` CLI makes).
struct DemoClient: Sendable {
    let baseURL: String

    struct Failure: Error, CustomStringConvertible {
        var status: Int
        var body: String
        var description: String { "HTTP \(status): \(body)" }
    }

    func send(
        _ method: HTTPMethod, _ path: String, token: String? = nil, body: [UInt8]? = nil,
        contentType: String = "application/json"
    ) async throws -> (Int, Data) {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 16 << 20)
        return (Int(response.status.code), Data(buffer: buffer))
    }

    func json<T: Decodable>(
        _ type: T.Type, _ method: HTTPMethod, _ path: String, token: String? = nil,
        body: [UInt8]? = nil, contentType: String = "application/json",
        accept: Set<Int> = [200, 201, 202]
    ) async throws -> T {
        let (status, data) = try await send(method, path, token: token, body: body, contentType: contentType)
        guard accept.contains(status) else {
            throw Failure(status: status, body: String(decoding: data, as: UTF8.self))
        }
        return try APIJSON.decoder().decode(T.self, from: data)
    }
}
