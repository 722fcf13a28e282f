import Synchronization

/// Caps open server-sent-event streams, per client address and in total. A stream holds a
/// `StreamLease` for its lifetime; the lease gives its place back when released (or dropped).
final class StreamLimiter: Sendable {
    /// Why a stream was refused.
    enum Refusal: Error, Equatable {
        /// This address has `perAddress` streams open.
        case address
        /// The server has `total` streams open.
        case total
    }

    private struct State {
        var total = 0
        var byAddress: [String: Int] = [:]
    }

    let perAddress: Int
    let total: Int
    private let state = Mutex(State())

    init(perAddress: Int, total: Int) {
        self.perAddress = perAddress
        self.total = total
    }

    /// A place for one stream of `address`, or the refusal.
    func open(address: String) throws(Refusal) -> StreamLease {
        let refusal: Refusal? = state.withLock { state in
            if state.total >= total { return .total }
            if state.byAddress[address, default: 0] >= perAddress { return .address }
            state.total += 1
            state.byAddress[address, default: 0] += 1
            return nil
        }
        if let refusal { throw refusal }
        return StreamLease(limiter: self, address: address)
    }

    /// Open streams: in total and of `address`.
    func count(address: String? = nil) -> Int {
        state.withLock { state in address.map { state.byAddress[$0] ?? 0 } ?? state.total }
    }

    fileprivate func close(address: String) {
        state.withLock { state in
            state.total -= 1
            let left = (state.byAddress[address] ?? 1) - 1
            state.byAddress[address] = left > 0 ? left : nil
        }
    }
}

/// One open stream's place in a `StreamLimiter`; released once, explicitly or when dropped.
final class StreamLease: Sendable {
    private let limiter: StreamLimiter
    private let address: String
    private let released = Atomic(false)

    fileprivate init(limiter: StreamLimiter, address: String) {
        self.limiter = limiter
        self.address = address
    }

    func release() {
        if !released.exchange(true, ordering: .acquiringAndReleasing) { limiter.close(address: address) }
    }

    deinit { release() }
}
