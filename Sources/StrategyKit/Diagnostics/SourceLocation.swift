/// A 1-based line and column (in Unicode scalars) inside a strategy document.
struct SourceLocation: Hashable, Sendable, Comparable {
    var line: Int
    var column: Int

    static let start = SourceLocation(line: 1, column: 1)

    static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// The location `offset` scalars further on the same line.
    func advanced(by offset: Int) -> SourceLocation {
        SourceLocation(line: line, column: column + offset)
    }
}
