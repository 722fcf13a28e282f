import ArgumentParser
import BotProtocol
import Foundation
import Hummingbird
import Logging
import ModelGateway
import NIOCore
import ServiceLifecycle
import UnixSignals

/// `arena-model-stub`: a small deterministic OpenAI-compatible chat-completions server
/// (`POST /v1/chat/completions`, `GET /v1/models`) answering with ``StubModel``, so contests,
/// demos, backtests and tests run offline through the same HTTP client as real endpoints.
@main
struct ModelStubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arena-model-stub",
        abstract: "Serve a deterministic OpenAI-compatible model for offline contests and tests.",
        discussion: """
            The "model" reads mark=<price> and sma=<price> from the last user message and answers a \
            JSON decision (long / short / hold, leverage, stop, target, confidence, justification). \
            Same request, same answer.

            Examples:
              arena-model-stub --port 8089
              arena-model-stub --port 8089 --delay 2s
              arena-model-stub --port 8089 --hang          # never answers: the gateway records timeouts
              arena-model-stub --port 8089 --fail          # HTTP 503: endpoint_error
              arena-model-stub --port 8089 --malformed     # answers prose instead of JSON
              arena-model-stub --port 8089 --script answers.json   # a JSON list of answers, in turn
              KEY=sk-test arena-model-stub --port 8089 --api-key-env KEY   # 401 without the key
            """)

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8089
    @Option(help: "Model name to report.") var model = "stub-trader"
    @Option(help: "Delay before every answer, e.g. 2s or 500ms.") var delay = "0s"
    @Flag(help: "Never answer.") var hang = false
    @Flag(help: "Answer every request with HTTP 503.") var fail = false
    @Flag(help: "Answer prose instead of a JSON decision.") var malformed = false
    @Option(help: "JSON file with a list of answer strings, used in turn.") var script: String?
    @Option(help: "Require `Authorization: Bearer <key>` with the key from this environment variable (else 401).")
    var apiKeyEnv: String?

    func run() async throws {
        guard let pause = Self.duration(delay) else { throw ValidationError("--delay: use e.g. 2s, 1.5s or 500ms") }
        var answers: [String] = []
        if let script {
            let data = try Data(contentsOf: URL(fileURLWithPath: script))
            guard let list = try JSONSerialization.jsonObject(with: data) as? [String] else {
                throw ValidationError("--script: the file must hold a JSON list of strings")
            }
            answers = list
        }
        let key = apiKeyEnv.flatMap { ProcessInfo.processInfo.environment[$0] }
        if let apiKeyEnv, key?.isEmpty ?? true { throw ValidationError("--api-key-env: \(apiKeyEnv) is not set") }
        let behavior: StubBehavior = hang ? .hang : fail ? .error : malformed ? .malformed : .answer
        let stub = StubModel(name: model, delay: pause, behavior: behavior, script: answers)
        let router = Router()
        router.get("/v1/models") { _, _ -> Response in
            Self.json(
                .ok, Array("{\"object\":\"list\",\"data\":[{\"id\":\"\(stub.name)\",\"object\":\"model\"}]}".utf8))
        }
        router.post("/v1/chat/completions") { request, _ -> Response in
            if let key, request.headers[.authorization] != "Bearer \(key)" {
                return Self.json(.unauthorized, Array(#"{"error":{"message":"missing or wrong API key"}}"#.utf8))
            }
            let body = try await request.body.collect(upTo: 4 << 20)
            guard let call = StubRequestParser.parse(Array(body.readableBytesView)) else {
                return Self.json(.badRequest, Array(#"{"error":{"message":"not a chat-completions request"}}"#.utf8))
            }
            do throws(EndpointError) {
                let completion = try await stub.complete(call)
                return Self.json(.ok, completion.body(id: "chatcmpl-stub"))
            } catch {
                return Self.json(
                    .serviceUnavailable, Array("{\"error\":{\"message\":\"\(error.code.rawValue)\"}}".utf8))
            }
        }
        var logger = Logger(label: "arena-model-stub")
        logger.logLevel = .warning
        let app = Application(
            router: router, configuration: .init(address: .hostname(host, port: port)), logger: logger)
        print("arena-model-stub: \(stub.name) on http://\(host):\(port)/v1 (\(behavior), delay \(delay))")
        // SIGTERM/SIGINT cancel at once: a graceful shutdown would wait for hanging requests forever.
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: app)], gracefulShutdownSignals: [], cancellationSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
    }

    static func json(_ status: HTTPResponse.Status, _ bytes: [UInt8]) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `2s`, `1.5s`, `500ms` → a duration.
    static func duration(_ text: String) -> Duration? {
        if text.hasSuffix("ms"), let value = Int(text.dropLast(2)) { return .milliseconds(value) }
        if text.hasSuffix("s"), let value = Double(text.dropLast(1)) { return .milliseconds(Int(value * 1000)) }
        return nil
    }
}
