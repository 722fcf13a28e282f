import Foundation

/// Checks the `--json` convention: every object key, at any depth, is snake_case.
enum JSONKeys {
    /// Every object key in the JSON document `text` that is not snake_case (`[a-z0-9]+` joined by
    /// single `_`); throws when `text` is not one JSON document.
    static func nonSnakeCase(_ text: String) throws -> [String] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        var bad: [String] = []
        collect(value, into: &bad)
        return bad.sorted()
    }

    /// Every object key in `text`, at any depth.
    static func all(_ text: String) throws -> Set<String> {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        var keys: [String] = []
        walk(value) { keys.append($0) }
        return Set(keys)
    }

    static func isSnakeCase(_ key: String) -> Bool {
        let parts = key.split(separator: "_", omittingEmptySubsequences: false)
        return !parts.isEmpty
            && parts.allSatisfy { part in
                !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            }
    }

    private static func collect(_ value: Any, into bad: inout [String]) {
        var found: [String] = []
        walk(value) { if !isSnakeCase($0) { found.append($0) } }
        bad += found
    }

    private static func walk(_ value: Any, _ visit: (String) -> Void) {
        if let object = value as? [String: Any] {
            for (key, child) in object {
                visit(key)
                walk(child, visit)
            }
        } else if let array = value as? [Any] {
            for child in array { walk(child, visit) }
        }
    }
}
