import Foundation
import Testing

@testable import APIServer

/// The token-bucket limiter itself: bounded memory with least-recently-used eviction (never a
/// wipe of every bucket), refill over time, and a caller in use surviving a flood of new keys.
struct RateLimiterTests {
    @Test func theLRUTableEvictsOneEntryAtATimeInRecencyOrder() {
        var table = LRUTable<String, Int>(capacity: 3)
        table.set("a", 1)
        table.set("b", 2)
        table.set("c", 3)
        _ = table.get("a")  // a is now the most recent; b the least
        #expect(table.set("d", 4) == "b")
        #expect(table.keysByRecency == ["d", "a", "c"])
        #expect(table.set("a", 10) == nil, "updating keeps the entry")
        #expect(table.set("e", 5) == "c")
        #expect(table.count == 3 && table.peek("a") == 10 && table.peek("b") == nil)
    }

    @Test func memoryIsBoundedAndNeverWipedWhole() {
        let limiter = RateLimiter(ratePerSecond: 1, burst: 5, capacity: 1_000)
        let start = ContinuousClock.now
        for index in 0..<5_000 {
            _ = limiter.take("key-\(index)", now: start)
            #expect(limiter.count == min(index + 1, 1_000))
        }
        #expect(limiter.count == 1_000, "full, never emptied")
    }

    @Test func bucketsRefillAtTheirRate() {
        let limiter = RateLimiter(ratePerSecond: 2, burst: 3)
        let start = ContinuousClock.now
        for _ in 0..<3 { #expect(limiter.take("k", now: start) == nil) }
        #expect(limiter.take("k", now: start) == 1, "empty: one token in 0.5 s, so Retry-After 1")
        #expect(limiter.take("k", now: start + .milliseconds(400)) != nil, "0.8 tokens after 0.4 s")
        #expect(limiter.take("k", now: start + .milliseconds(600)) == nil, "a token after 0.5 s")
        #expect(limiter.take("k", now: start + .milliseconds(600)) != nil)
        #expect(limiter.tokens("k", now: start + .seconds(60)) == 3, "refill stops at the burst")
        #expect(limiter.check("other", now: start) == nil && limiter.count == 1, "check stores nothing")
    }

    /// The abuse case of issue 14: past 50,000 keys every bucket used to be wiped, the abuser's
    /// included. Here a legitimate caller that spent its burst stays limited through 60,000
    /// random keys (capacity 50,000), because it keeps being used while others are evicted.
    @Test func aLegitimateBucketSurvivesSixtyThousandRandomKeys() {
        let limiter = RateLimiter(ratePerSecond: 0.0001, burst: 5, capacity: 50_000)
        let now = ContinuousClock.now
        for _ in 0..<5 { #expect(limiter.take("team:1", now: now) == nil) }
        #expect(limiter.take("team:1", now: now) != nil, "burst spent")
        var generator = SystemRandomNumberGenerator()
        for index in 0..<60_000 {
            _ = limiter.take("random-\(UInt64.random(in: 0...UInt64.max, using: &generator))", now: now)
            if index % 1_000 == 0 {
                #expect(limiter.take("team:1", now: now) != nil, "still limited after \(index) random keys")
            }
        }
        #expect(limiter.take("team:1", now: now) != nil, "the bucket survived: still empty, not reset")
        #expect(limiter.tokens("team:1", now: now) < 1)
        #expect(limiter.count == 50_000)
    }
}
