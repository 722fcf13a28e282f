import Foundation
import Synchronization

/// Token hashes that authenticated recently in this process (bounded, least recently used
/// evicted). While an address is over its failed-authentication budget, only these are looked
/// up, so a flood of invented tokens from an address neither reaches the database nor locks out
/// a team that was already using its token from the same address. Membership only lets a token
/// be checked; it is looked up as usual (revocation and disqualification apply at once).
final class VerifiedTokens: Sendable {
    private let table: Mutex<LRUTable<Data, ContinuousClock.Instant>>
    let lifetime: Duration

    init(capacity: Int, lifetime: Duration = .seconds(3600)) {
        table = Mutex(LRUTable(capacity: max(1, capacity)))
        self.lifetime = lifetime
    }

    /// Remembers a token that authenticated (or was just issued).
    func insert(_ hash: Data, now: ContinuousClock.Instant = .now) {
        table.withLock { $0.set(hash, now) }
    }

    /// Whether `hash` authenticated within `lifetime`.
    func contains(_ hash: Data, now: ContinuousClock.Instant = .now) -> Bool {
        table.withLock { table in
            guard let seen = table.get(hash) else { return false }
            return seen.duration(to: now) < lifetime
        }
    }
}
