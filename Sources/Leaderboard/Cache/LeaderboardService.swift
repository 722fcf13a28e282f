import Foundation
import Synchronization

/// Renders leaderboard JSON and keeps the encoded body in memory for a short time, so readers
/// cost no database round trip; the ETag is a hash of the body.
public final class LeaderboardService: Sendable {
    /// A cached board and the render refreshing it, if one is running.
    private struct Slot: Sendable {
        var rendered: RenderedLeaderboard?
        var refresh: Task<RenderedLeaderboard?, any Error>?
    }

    private struct CacheState: Sendable {
        var slots: [String: Slot] = [:]
        /// Bumped by `invalidate`; a render started before it does not store its result.
        var generation = 0
    }

    private enum Step {
        case serve(RenderedLeaderboard)
        case wait(Task<RenderedLeaderboard?, any Error>)
    }

    let reader: any LeaderboardReading
    let configuration: LeaderboardCacheConfiguration
    private let cache = Mutex(CacheState())

    /// - Parameters:
    ///   - reader: where contests, stored rows and frozen snapshots are read.
    ///   - configuration: cache time to live and the engine version shown on boards.
    public init(reader: any LeaderboardReading, configuration: LeaderboardCacheConfiguration) {
        self.reader = reader
        self.configuration = configuration
    }

    /// The board for `contestId` as the caller may see it (organizers always see the live board),
    /// or nil when there is no such contest.
    ///
    /// Served from memory while younger than the cache TTL. When it expires, one request
    /// re-renders it (one database read) while concurrent readers keep getting the previous copy,
    /// so a burst of readers never turns into a burst of queries. `invalidate` drops entries and
    /// discards renders that were in flight, so a reader after an organizer action sees it.
    public func render(contestId: String, page: Int, pageSize: Int, organizer: Bool) async throws
        -> RenderedLeaderboard?
    {
        let key = "\(contestId)|\(page)|\(pageSize)|\(organizer)"
        let ttl = Duration.milliseconds(configuration.cacheMilliseconds)
        let step = cache.withLock { state -> Step in
            let slot = state.slots[key]
            if let cached = slot?.rendered, cached.rendered.duration(to: .now) < ttl { return .serve(cached) }
            if let refresh = slot?.refresh { return slot?.rendered.map(Step.serve) ?? .wait(refresh) }
            let generation = state.generation
            let refresh = Task { [self] in
                do {
                    let fresh = try await build(
                        contestId: contestId, page: page, pageSize: pageSize, organizer: organizer)
                    cache.withLock { state in
                        guard state.generation == generation else { return }
                        state.slots[key] = fresh.map { Slot(rendered: $0, refresh: nil) }
                    }
                    return fresh
                } catch {
                    cache.withLock { state in state.slots[key]?.refresh = nil }
                    throw error
                }
            }
            state.slots[key] = Slot(rendered: slot?.rendered, refresh: refresh)
            return .wait(refresh)
        }
        switch step {
        case .serve(let rendered): return rendered
        case .wait(let refresh): return try await refresh.value
        }
    }

    /// The full live board (used to store the frozen snapshot).
    public func liveSnapshot(contestId: String) async throws -> Data? {
        invalidate(contestId: contestId)
        return try await render(contestId: contestId, page: 1, pageSize: 10_000, organizer: true)?.body
    }

    /// Drops the cached pages of a contest and discards renders in flight.
    public func invalidate(contestId: String) {
        cache.withLock { state in
            state.generation += 1
            state.slots = state.slots.filter { !$0.key.hasPrefix(contestId + "|") }
        }
    }
}
