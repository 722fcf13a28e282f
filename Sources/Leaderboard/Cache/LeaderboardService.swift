public import Foundation
import Synchronization

/// Serves leaderboard pages from memory. Each board (a contest, as the public or an organizer
/// sees it) is read and rendered once per state into a `BoardSnapshot`; a page is a slice of
/// it, encoded on request (the most recently asked pages of each board are kept encoded). So
/// the cache's size is bounded by `maxBoards` × (one board + `maxPagesPerBoard` pages), however
/// many distinct `page`/`page_size` values readers send, and a new page key costs no database
/// read. The ETag of a page is a hash of its body.
public final class LeaderboardService: Sendable {
    /// A cached board and the read refreshing it, if one is running.
    private struct Slot: Sendable {
        var board: BoardSnapshot?
        var refresh: Task<BoardSnapshot?, any Error>?
        /// Recency (a counter), for evicting the least recently read board.
        var used: UInt64
    }

    private struct CacheState: Sendable {
        var slots: [String: Slot] = [:]
        /// Bumped by `invalidate`; a read started before it does not store its result.
        var generation = 0
        var clock: UInt64 = 0
    }

    private enum Step {
        case serve(BoardSnapshot)
        case wait(Task<BoardSnapshot?, any Error>)
    }

    /// Rows per "page" when a whole board is rendered.
    static let wholeBoard = 1_000_000_000

    let reader: any LeaderboardReading
    let configuration: LeaderboardCacheConfiguration
    private let cache = Mutex(CacheState())

    /// - Parameters:
    ///   - reader: where contests, stored rows and frozen snapshots are read.
    ///   - configuration: cache time to live, size bounds and the engine version shown on boards.
    public init(reader: any LeaderboardReading, configuration: LeaderboardCacheConfiguration) {
        self.reader = reader
        self.configuration = configuration
    }

    /// The board for `contestId` as the caller may see it (organizers always see the live board),
    /// or nil when there is no such contest.
    ///
    /// Served from memory while younger than the cache TTL. When it expires, one request
    /// re-reads it (one database read) while concurrent readers keep getting the previous copy,
    /// so a burst of readers never turns into a burst of queries; an unchanged board keeps its
    /// encoded pages. `invalidate` drops entries and discards reads in flight, so a reader after
    /// an organizer action sees it.
    public func render(contestId: String, page: Int, pageSize: Int, organizer: Bool) async throws
        -> RenderedLeaderboard?
    {
        let key = "\(contestId)|\(organizer)"
        guard let board = try await board(key: key, contestId: contestId, organizer: organizer) else { return nil }
        let pageKey = "\(page)|\(pageSize)"
        if let rendered = board.page(pageKey) { return rendered }
        let rendered = try board.render(page: page, pageSize: pageSize)
        let limit = configuration.maxPagesPerBoard
        cache.withLock { state in
            guard state.slots[key]?.board?.fingerprint == board.fingerprint else { return }
            state.slots[key]?.board?.keep(rendered, as: pageKey, limit: limit)
        }
        return rendered
    }

    /// The full live board (used to store the frozen snapshot).
    public func liveSnapshot(contestId: String) async throws -> Data? {
        invalidate(contestId: contestId)
        return try await render(contestId: contestId, page: 1, pageSize: 10_000, organizer: true)?.body
    }

    /// Drops the cached boards of a contest and discards reads in flight.
    public func invalidate(contestId: String) {
        cache.withLock { state in
            state.generation += 1
            state.slots = state.slots.filter { !$0.key.hasPrefix(contestId + "|") }
        }
    }

    /// Boards and encoded pages in memory (for tests and diagnostics).
    public var cachedCounts: (boards: Int, pages: Int) {
        cache.withLock { state in
            (state.slots.count, state.slots.values.reduce(0) { $0 + ($1.board?.pageCount ?? 0) })
        }
    }

    private func board(key: String, contestId: String, organizer: Bool) async throws -> BoardSnapshot? {
        let ttl = Duration.milliseconds(configuration.cacheMilliseconds)
        let step = cache.withLock { state -> Step in
            state.clock += 1
            let slot = state.slots[key]
            if let board = slot?.board, board.checked.duration(to: .now) < ttl {
                state.slots[key]?.used = state.clock
                return .serve(board)
            }
            if let refresh = slot?.refresh { return slot?.board.map(Step.serve) ?? .wait(refresh) }
            let generation = state.generation
            let refresh = Task { [self] in
                do {
                    let full = try await build(
                        contestId: contestId, page: 1, pageSize: Self.wholeBoard, organizer: organizer)
                    let fresh = try full.map(BoardSnapshot.init(full:))
                    return cache.withLock { state in store(fresh, key: key, generation: generation, in: &state) }
                } catch {
                    cache.withLock { state in
                        if state.generation == generation { state.slots[key]?.refresh = nil }
                    }
                    throw error
                }
            }
            state.slots[key] = Slot(board: slot?.board, refresh: refresh, used: state.clock)
            return .wait(refresh)
        }
        switch step {
        case .serve(let board): return board
        case .wait(let refresh): return try await refresh.value
        }
    }

    /// Stores a fresh read (keeping the encoded pages when the board did not change) and evicts
    /// the least recently read boards past `maxBoards`; returns what readers should get.
    private func store(_ fresh: BoardSnapshot?, key: String, generation: Int, in state: inout CacheState)
        -> BoardSnapshot?
    {
        guard state.generation == generation else { return fresh }
        guard let fresh else {
            state.slots[key] = nil
            return nil
        }
        var board = fresh
        if var existing = state.slots[key]?.board, existing.fingerprint == fresh.fingerprint {
            existing.checked = fresh.checked
            board = existing
        }
        state.clock += 1
        state.slots[key] = Slot(board: board, refresh: nil, used: state.clock)
        while state.slots.count > max(1, configuration.maxBoards) {
            guard
                let victim = state.slots.filter({ $0.value.refresh == nil && $0.key != key })
                    .min(by: { $0.value.used < $1.value.used })?.key
            else { break }
            state.slots[victim] = nil
        }
        return board
    }
}
