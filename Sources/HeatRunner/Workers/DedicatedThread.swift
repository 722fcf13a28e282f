import Foundation

/// Runs blocking work (pipe I/O with workers) on its own thread, off the cooperative pool.
public enum DedicatedThread {
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    continuation.resume(returning: try body())
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.stackSize = 8 << 20
            thread.name = "perparena-heat"
            thread.start()
        }
    }
}
