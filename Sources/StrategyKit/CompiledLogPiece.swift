/// Part of a compiled `log` message.
enum CompiledLogPiece: Sendable {
    case text(String)
    case value(CodeRange)
}
