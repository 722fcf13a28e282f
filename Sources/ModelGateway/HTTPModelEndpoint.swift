public import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The real endpoint: `POST {baseURL}/chat/completions` of an OpenAI-compatible API (a hosted
/// provider, vLLM, llama.cpp's server, `arena-model-stub`), with the API key as a bearer token.
/// The key comes from the runner's environment and is never logged, recorded or sent to a bot.
public struct HTTPModelEndpoint: ModelEndpoint {
    let url: String
    let apiKey: String?
    let timeout: Duration
    let client: HTTPClient

    /// An endpoint at `baseURL` (…/v1); `apiKey` nil = no Authorization header.
    public init(baseURL: String, apiKey: String?, timeout: Duration, client: HTTPClient = Self.client) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.url = base + "/chat/completions"
        self.apiKey = apiKey
        self.timeout = timeout
        self.client = client
    }

    public func complete(_ request: ChatCompletionRequest) async throws(EndpointError) -> ChatCompletion {
        var http = HTTPClientRequest(url: url)
        http.method = .POST
        http.headers.add(name: "Content-Type", value: "application/json")
        http.headers.add(name: "User-Agent", value: "perparena-gateway/1")
        if let apiKey, !apiKey.isEmpty { http.headers.add(name: "Authorization", value: "Bearer \(apiKey)") }
        http.body = .bytes(request.body())
        let status: UInt
        let body: [UInt8]
        do {
            let response = try await client.execute(http, timeout: .nanoseconds(Self.nanoseconds(timeout)))
            status = response.status.code
            body = Array(try await response.body.collect(upTo: 4 << 20).readableBytesView)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            throw EndpointError(.timeout, "no answer within the timeout")
        } catch is CancellationError {
            throw EndpointError(.timeout, "no answer within the timeout")
        } catch {
            throw EndpointError(.unreachable, redacted(Self.describe(error)))
        }
        guard (200..<300).contains(status) else {
            let text = redacted(String(decoding: body.prefix(200), as: UTF8.self))
            throw EndpointError(.status, "HTTP \(status): \(text)")
        }
        guard var completion = ChatCompletion.parse(body) else {
            throw EndpointError(.malformedAnswer, "the answer is not a chat completion")
        }
        completion.content = redacted(completion.content)
        return completion
    }

    /// `text` with the API key replaced by `***` (an endpoint or proxy that echoes the request's
    /// headers must not put the key into a transcript, a report or a bot's stdin).
    func redacted(_ text: String) -> String {
        guard let apiKey, apiKey.utf8.count >= 4, text.contains(apiKey) else { return text }
        return text.replacingOccurrences(of: apiKey, with: "***")
    }

    /// The gateway's client: a refused connection fails at once (the gateway decides about
    /// retries), 5 s to connect, no redirects (the key goes to the configured endpoint only, and
    /// an endpoint cannot send the runner to another address).
    public static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.redirectConfiguration = .disallow
        configuration.timeout.connect = .seconds(5)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    private static func describe(_ error: any Error) -> String {
        let text = "\(error)"
        return text.count > 200 ? String(text.prefix(200)) : text
    }
}
