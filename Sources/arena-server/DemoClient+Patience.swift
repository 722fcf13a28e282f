import AsyncHTTPClient
import Foundation
import NIOHTTP1

extension DemoClient {
    /// Whether a failed call may succeed if repeated: the server could not be reached, timed
    /// out, or answered 5xx (e.g. while its database restarts). A 4xx or an unreadable body is
    /// an answer, not a hiccup; cancellation is the demo shutting down.
    static func isTransient(_ error: any Error) -> Bool {
        if error is CancellationError || error is DecodingError { return false }
        if let failure = error as? Failure { return failure.status == 0 || failure.status >= 500 }
        return true
    }

    /// `json(…)`, repeated while it fails transiently (``isTransient(_:)``) for up to `patience`,
    /// with a pause that grows to 2 s; the first hiccup is noted on the console. Only for calls
    /// that are safe to repeat: reads, upserts, and uploads the server deduplicates by content.
    func patientJSON<T: Decodable>(
        _ type: T.Type, _ method: HTTPMethod, _ path: String, token: String? = nil,
        body: [UInt8]? = nil, contentType: String = "application/json",
        accept: Set<Int> = [200, 201, 202], patience: Duration = .seconds(90)
    ) async throws -> T {
        try await patiently(patience) {
            try await json(type, method, path, token: token, body: body, contentType: contentType, accept: accept)
        }
    }

    /// `send(…)` with the same patience: repeated on transport failures and 5xx answers; other
    /// statuses are returned to the caller.
    func patientSend(
        _ method: HTTPMethod, _ path: String, token: String? = nil, body: [UInt8]? = nil,
        contentType: String = "application/json", patience: Duration = .seconds(90)
    ) async throws -> (Int, Data) {
        try await patiently(patience) {
            let (status, data) = try await send(method, path, token: token, body: body, contentType: contentType)
            if status >= 500 { throw Failure(status: status, body: String(decoding: data, as: UTF8.self)) }
            return (status, data)
        }
    }

    private func patiently<T>(_ patience: Duration, _ call: () async throws -> T) async throws -> T {
        let deadline = ContinuousClock.now.advanced(by: patience)
        var pause = Duration.milliseconds(250)
        var noted = false
        while true {
            do {
                return try await call()
            } catch let error where Self.isTransient(error) && ContinuousClock.now.advanced(by: pause) < deadline {
                if !noted {
                    say("  … the API did not answer (\(Self.summary(error))); retrying")
                    noted = true
                }
                try await Task.sleep(for: pause)
                pause = min(pause * 2, .seconds(2))
            }
        }
    }

    /// A one-line description of a transient failure for the console.
    static func summary(_ error: any Error) -> String {
        if let failure = error as? Failure { return failure.status == 0 ? failure.body : "HTTP \(failure.status)" }
        return "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
    }
}
