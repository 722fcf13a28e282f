public import Foundation
public import NIOCore

/// One encoded page of a leaderboard, as served.
public struct RenderedLeaderboard: Sendable {
    /// The `LeaderboardView` JSON.
    public var body: Data
    /// The same bytes, ready to hand to a response without a copy.
    public var buffer: ByteBuffer
    /// A strong ETag: a hash of `body`, quoted.
    public var etag: String
    /// `live`, `frozen`, `publishing` or `final`, as the caller sees it.
    public var state: String
    public var evaluationId: Int64?
    /// When it was rendered (for the cache's time to live).
    public var rendered: ContinuousClock.Instant
}
