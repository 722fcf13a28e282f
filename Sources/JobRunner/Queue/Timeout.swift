import Foundation

/// Why an operation was abandoned.
struct TimeoutError: Error, CustomStringConvertible {
    var limit: Duration
    var description: String { "timed out after \(limit)" }
}

/// Runs `body`, failing with `TimeoutError` after `limit`.
///
/// The body is cancelled but not waited for: a database call on a connection that went silent
/// (a cut network) ignores cancellation until the socket fails, and the caller (a heartbeat, the
/// final commit, a queue poll) must not hang with it. The abandoned call ends on its own when its
/// connection fails; the database's lease checks make a late effect of it harmless.
func withTimeout<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    let gate = TimeoutGate<T>()
    let work = Task {
        do { gate.finish(.success(try await body())) } catch { gate.finish(.failure(error)) }
    }
    let timer = Task {
        try await Task.sleep(for: limit)
        gate.finish(.failure(TimeoutError(limit: limit)))
    }
    defer {
        timer.cancel()
        work.cancel()
    }
    return try await withTaskCancellationHandler {
        try await gate.value()
    } onCancel: {
        gate.finish(.failure(CancellationError()))
    }
}
