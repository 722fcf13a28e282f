/// Why a strategy document was rejected: a category plus every located problem found.
///
/// The parser and checker report as many independent problems as they can in one pass; the
/// `code` is the category of the first one.
public struct StrategyError: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Category of the first diagnostic.
    public var code: StrategyErrorCode
    /// Every problem found, in source order; never empty.
    public var diagnostics: [Diagnostic]

    /// Creates an error; `diagnostics` must not be empty.
    public init(code: StrategyErrorCode, diagnostics: [Diagnostic]) {
        self.code = code
        self.diagnostics = diagnostics
    }

    /// All diagnostics rendered compiler-style, separated by blank lines.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n\n")
    }
}
