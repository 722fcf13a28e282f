import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationEssentialsCompat
import NIOHTTP1

/// Plain HTTP calls to a live server (AsyncHTTPClient), for tests that need real sockets:
/// streams, concurrency, per-connection behaviour.
struct LiveCaller: Sendable {
    struct Reply: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    let baseURL: String
    let client: HTTPClient

    /// Sends one request; with `firstChunkOnly` the body is read up to its first chunk and the
    /// request is then abandoned (server-sent event streams never end).
    func call(
        _ method: HTTPMethod, _ path: String, token: String? = nil, body: [UInt8]? = nil,
        contentType: String = "application/json", firstChunkOnly: Bool = false
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await client.execute(request, timeout: .seconds(30))
        var data = Data()
        if firstChunkOnly {
            for try await chunk in response.body {
                data.append(contentsOf: chunk.readableBytesView)
                break
            }
        } else {
            data = Data(buffer: try await response.body.collect(upTo: 16 * 1024 * 1024))
        }
        return Reply(status: Int(response.status.code), headers: response.headers, body: data)
    }
}
