public import Storage

/// Contest lookups: the public contest pages and every route that needs a contest's rules.
public protocol ContestReading: Sendable {
    /// Every contest, newest first.
    func contests() async throws -> [ContestRecord]
    /// One contest, or nil.
    func contest(id: String) async throws -> ContestRecord?
}
