/// Where a YAML scalar's text starts, so offsets inside it map back to line:column.
struct ScalarOrigin: Hashable, Sendable {
    /// Location of the scalar's first character (the quote, for quoted scalars).
    var start: SourceLocation
    /// Scalars before the text starts (1 for a quote, 0 for a plain scalar).
    var prefix: Int
    /// `false` when the text spans lines or is a block scalar; offsets then map to `start`.
    var isSingleLine: Bool

    /// The location of the scalar at `offset` (in Unicode scalars) into the text.
    func location(atOffset offset: Int) -> SourceLocation {
        isSingleLine ? start.advanced(by: prefix + offset) : start
    }

    /// An origin for text that is not a YAML scalar (tests, generated expressions).
    static let synthetic = ScalarOrigin(start: .start, prefix: 0, isSingleLine: true)
}
