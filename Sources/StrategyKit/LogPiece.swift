/// Part of a `log` message: literal text or an interpolated `{expression}`.
enum LogPiece: Hashable, Sendable {
    case text(String)
    case value(Expression)
}
