import Foundation
import Hummingbird
import Logging
import Synchronization

/// A stand-in for the API that `submit --wait` talks to, which a test can stop and start again
/// on the same port (a server restart). It accepts one submission (id 7) and answers its status
/// with `status()`; the leaderboard row says `rowStatus` for team 1.
final class FakeArenaServer: Sendable {
    /// What the fake answers.
    struct Script: Sendable {
        var submissionStatus: String
        var rowStatus = "scored"
        var fault: String?
    }

    private let script: Mutex<Script>
    private let polls = Mutex(0)
    private let task = Mutex<Task<Void, any Error>?>(nil)
    private let boundPort: Mutex<Int>

    init(_ script: Script, port: Int = 0) {
        self.script = Mutex(script)
        self.boundPort = Mutex(port)
    }

    /// The port (0 until the first ``start()``; the same port after a restart).
    var port: Int { boundPort.withLock { $0 } }

    /// How many times the submission's status was asked.
    var pollCount: Int { polls.withLock { $0 } }

    /// Changes the answers (takes effect on the next request).
    func update(_ change: @Sendable (inout Script) -> Void) { script.withLock { change(&$0) } }

    /// Starts serving; returns once the port is listening.
    func start() async throws {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "fake-arena")
        logger.logLevel = .critical
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: logger)
        let running = Task { try await app.runService(gracefulShutdownSignals: []) }
        task.withLock { $0 = running }
        var iterator = stream.makeAsyncIterator()
        guard let bound = await iterator.next() else { throw CancellationError() }
        boundPort.withLock { $0 = bound }
    }

    /// Stops serving (the port refuses connections until ``start()``).
    func stop() async {
        let running = task.withLock { task -> Task<Void, any Error>? in
            defer { task = nil }
            return task
        }
        running?.cancel()
        _ = await running?.result
    }

    private func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/v1/submissions") { _, _ in
            Self.json(self.submission("received"), status: .created)
        }
        router.get("/v1/submissions/7") { _, _ in
            self.polls.withLock { $0 += 1 }
            return Self.json(self.submission(self.script.withLock { $0.submissionStatus }))
        }
        router.get("/v1/contests/fake/leaderboard") { _, _ in
            let script = self.script.withLock { $0 }
            let fault = script.fault.map { "\"\($0)\"" } ?? "null"
            return Self.json(
                """
                {"contest_id": "fake", "state": "live", "metric": "pnl", "evaluation_id": 1, "engine_version": "x",
                 "page": 1, "page_size": 500, "total": 1, "rows": [{"rank": 1, "team_id": 1, "team": "alpha",
                 "status": "\(script.rowStatus)", "score": "1.0", "pnl": "1.0", "fees": "0", "funding": "0",
                 "trades": 3, "liquidations": 0, "max_drawdown": "0", "submission_id": 7,
                 "submission_sha256": "00", "submitted_at": "2026-01-01T00:00:00Z", "fault": \(fault), "runs": []}]}
                """)
        }
        return router
    }

    private func submission(_ status: String) -> String {
        """
        {"id": 7, "team_id": 1, "contest_id": "fake", "sha256": "\(String(repeating: "0", count: 64))",
         "runtime": "rules", "status": "\(status)", "charged": true, "created_at": "2026-01-01T00:00:00Z",
         "selected": false, "validation_report": null,
         "status_history": [{"status": "\(status)", "at": "2026-01-01T00:00:00Z",
                             "detail": \(status == "rejected" ? "\"strategy.yaml: broken\"" : "null")}]}
        """
    }

    private static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
