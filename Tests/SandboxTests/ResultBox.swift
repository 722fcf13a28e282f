import Foundation

/// Hands a value from a worker thread to the waiting test.
final class ResultBox<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Result<Value, any Error>?

    func set(_ result: Result<Value, any Error>) {
        condition.lock()
        value = result
        condition.signal()
        condition.unlock()
    }

    func wait() -> Result<Value, any Error> {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }

    /// Runs `body` on a fresh thread with a 4 MiB stack, as production runs worker groups, and
    /// waits for its result.
    static func onThread(_ body: @escaping @Sendable () throws -> Value) throws -> Value {
        let box = ResultBox<Value>()
        let thread = Thread { box.set(Result { try body() }) }
        thread.stackSize = 1 << 22
        thread.start()
        return try box.wait().get()
    }
}
