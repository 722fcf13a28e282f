/// A parsed expression with the location and text of its source.
struct Expression: Hashable, Sendable {
    var node: ExpressionNode
    var location: SourceLocation
    var source: ExpressionSource = .empty
    var range: Range<Int> = 0..<0

    init(node: ExpressionNode, location: SourceLocation, source: ExpressionSource, range: Range<Int>) {
        self.node = node
        self.location = location
        self.source = source
        self.range = range
    }

    /// An expression with no source text (defaults filled in by the reader).
    init(node: ExpressionNode, location: SourceLocation) {
        self.node = node
        self.location = location
    }

    /// The source text of this (sub)expression.
    var text: String { source.text(range) }
}
