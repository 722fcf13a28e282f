/// A lexical token of the expression language.
struct Token: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case number(Double)
        case identifier(String)
        /// Punctuation and operators: `( ) , . + - * / < <= > >= == != && || !`.
        case symbol(String)
        case end
    }

    var kind: Kind
    /// Offset of the first scalar in the expression text.
    var offset: Int
    /// The token as written.
    var text: String
    /// Offset just past the token.
    var end: Int
}
