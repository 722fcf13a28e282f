import Synchronization

/// A flag set once (shutdown requested, lease lost) and polled by the tick loop.
final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)

    func set() { value.store(true, ordering: .relaxed) }
    var isSet: Bool { value.load(ordering: .relaxed) }
}
