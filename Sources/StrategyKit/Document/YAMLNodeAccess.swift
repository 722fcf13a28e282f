import Yams

/// Small helpers over Yams nodes: locations, scalar text, null detection.
enum YAMLNodeAccess {
    static func location(_ node: Node) -> SourceLocation {
        guard let mark = node.mark else { return .start }
        return SourceLocation(line: max(1, mark.line), column: max(1, mark.column))
    }

    /// Where the text of a scalar node starts, for mapping expression offsets to columns.
    static func origin(_ node: Node) -> ScalarOrigin {
        guard case .scalar(let scalar) = node else {
            return ScalarOrigin(start: location(node), prefix: 0, isSingleLine: false)
        }
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        let block = scalar.style == .literal || scalar.style == .folded
        let singleLine =
            !block && !scalar.string.contains("\n")
            && (!quoted || !scalar.string.contains("\\") && !scalar.string.contains("'"))
        return ScalarOrigin(start: location(node), prefix: quoted ? 1 : 0, isSingleLine: singleLine)
    }

    /// `true` for an empty value, `~` or `null`.
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        guard scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The text of a scalar, `nil` for collections.
    static func scalarText(_ node: Node) -> String? {
        if case .scalar(let scalar) = node { return scalar.string }
        return nil
    }

    /// A short description of what a node is, for "expected X, found Y" messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): "'\(scalar.string.prefix(40))'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
