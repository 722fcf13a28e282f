import Synchronization

/// Token buckets keyed by caller (a client address, an identity): `rate` tokens per second up to
/// `burst`. At most `capacity` buckets are kept; a new key evicts the least recently used one
/// (whose next request starts with a full bucket again), so memory stays bounded whatever keys
/// an attacker invents and a caller in active use is never dropped for a flood of others.
final class RateLimiter: Sendable {
    /// One caller's bucket.
    struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    let rate: Double
    let burst: Double
    private let buckets: Mutex<LRUTable<String, Bucket>>

    /// - Parameters:
    ///   - ratePerSecond: refill rate.
    ///   - burst: bucket size (what a new or long-idle caller may send at once).
    ///   - capacity: most buckets kept in memory.
    init(ratePerSecond: Double, burst: Double, capacity: Int = 100_000) {
        self.rate = ratePerSecond
        self.burst = burst
        self.buckets = Mutex(LRUTable(capacity: max(1, capacity)))
    }

    /// Takes one token from `key`'s bucket: nil when allowed, else the whole seconds until the
    /// next token (for `Retry-After`).
    func take(_ key: String, now: ContinuousClock.Instant = .now) -> Int? {
        buckets.withLock { table in
            var bucket = refilled(table.get(key), now: now)
            defer { table.set(key, bucket) }
            guard bucket.tokens >= 1 else { return retryAfter(bucket) }
            bucket.tokens -= 1
            return nil
        }
    }

    /// Whether `key` has a token, without taking it: nil when it has, else the seconds until it
    /// will. An unknown key has a full bucket and is not stored.
    func check(_ key: String, now: ContinuousClock.Instant = .now) -> Int? {
        buckets.withLock { table in
            let bucket = refilled(table.peek(key), now: now)
            return bucket.tokens >= 1 ? nil : retryAfter(bucket)
        }
    }

    /// Buckets in memory.
    var count: Int { buckets.withLock { $0.count } }

    /// The tokens left in `key`'s bucket (a full bucket when it has none in memory).
    func tokens(_ key: String, now: ContinuousClock.Instant = .now) -> Double {
        buckets.withLock { refilled($0.peek(key), now: now).tokens }
    }

    private func refilled(_ stored: Bucket?, now: ContinuousClock.Instant) -> Bucket {
        guard var bucket = stored else { return Bucket(tokens: burst, updated: now) }
        let elapsed = bucket.updated.duration(to: now)
        guard elapsed > .zero else { return bucket }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        bucket.tokens = min(burst, bucket.tokens + seconds * rate)
        bucket.updated = now
        return bucket
    }

    private func retryAfter(_ bucket: Bucket) -> Int {
        guard rate > 0 else { return 3600 }
        return max(1, min(86_400, Int(((1 - bucket.tokens) / rate).rounded(.up))))
    }
}
