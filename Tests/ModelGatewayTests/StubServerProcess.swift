import BotProtocol
import Foundation
import ModelGateway

/// A running `arena-model-stub` (the built executable) on a local port, for end-to-end tests.
final class StubServerProcess {
    let process = Process()
    let port: Int

    /// The package root, found by walking up from this file.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// A built executable of this package (`arena-model-stub`, `arena-sandbox`), if any.
    static func executable(_ name: String) -> String? {
        ["debug", "release"].map { packageRoot.appendingPathComponent(".build/\($0)/\(name)").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts the stub with `arguments` and waits until it listens (answers, or times out when
    /// it is slow or hangs instead of refusing the connection).
    init(port: Int, arguments: [String] = []) async throws {
        guard let path = Self.executable("arena-model-stub") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "arena-model-stub (run swift build)"])
        }
        self.port = port
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--port", "\(port)"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let probe = HTTPModelEndpoint(baseURL: baseURL, apiKey: nil, timeout: .milliseconds(300))
        let request = ChatCompletionRequest(
            model: "stub-trader", messages: [.init(role: "user", content: "ping")], maxTokens: 5)
        for _ in 0..<100 {
            do throws(EndpointError) {
                _ = try await probe.complete(request)
                return
            } catch {
                // Listening: a hanging stub times out instead of refusing the connection.
                if error.code == .timeout { return }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        stop()
        throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "arena-model-stub did not start"])
    }

    var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    /// Stops the server (idempotent).
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    deinit { stop() }
}
