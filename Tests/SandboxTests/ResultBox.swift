import Foundation

/// Hands a value from a worker thread to the waiting test.
final class ResultBox: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Result<TestContest.Outcome, any Error>?

    func set(_ result: Result<TestContest.Outcome, any Error>) {
        condition.lock()
        value = result
        condition.signal()
        condition.unlock()
    }

    func wait() -> Result<TestContest.Outcome, any Error> {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}
