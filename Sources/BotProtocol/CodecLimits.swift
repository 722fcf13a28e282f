/// Limits applied when decoding a bot line.
public struct CodecLimits: Sendable, Hashable {
    /// Longest accepted line in bytes, newline excluded.
    public var maxLineBytes: Int
    /// Most actions in one `actions` message.
    public var maxActionsPerTick: Int
    /// Deepest accepted nesting of JSON arrays and objects.
    public var maxDepth: Int

    /// Creates limits; defaults are the v1 platform defaults (64 KiB, 32 actions, depth 8).
    public init(maxLineBytes: Int = 65_536, maxActionsPerTick: Int = 32, maxDepth: Int = 8) {
        self.maxLineBytes = maxLineBytes
        self.maxActionsPerTick = maxActionsPerTick
        self.maxDepth = maxDepth
    }

    /// The codec limits matching limits announced in `hello`.
    public init(_ limits: ProtocolLimits, maxDepth: Int = 8) {
        self.init(maxLineBytes: limits.maxLineBytes, maxActionsPerTick: limits.maxActionsPerTick, maxDepth: maxDepth)
    }
}
