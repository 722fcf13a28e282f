/// Database calls that must not wait forever.
///
/// A query on a connection that dropped can be lost inside the PostgreSQL client (its task never
/// reaches the closed channel, its promise never completes) and does not react to cancellation,
/// so a structured timeout would wait with it. `run` gives up on the call instead: the caller
/// gets ``DatabaseDeadlineExceeded`` after `limit` and goes on; the abandoned call is cancelled
/// (a wait for a pooled connection ends at once) and otherwise left to finish or fail on its own.
/// Only for work whose late effect is harmless: a read, or a write the database guards (a lease
/// check).
public enum DatabaseDeadline {
    /// Runs `body`, or throws ``DatabaseDeadlineExceeded`` after `limit` without waiting for it.
    public static func run<T: Sendable>(
        _ limit: Duration, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let gate = DeadlineGate<T>()
        let work = Task {
            do { gate.finish(.success(try await body())) } catch { gate.finish(.failure(error)) }
        }
        let timer = Task {
            try await Task.sleep(for: limit)
            gate.finish(.failure(DatabaseDeadlineExceeded(limit: limit)))
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
}
