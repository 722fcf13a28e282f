/// A gitignore-style glob: `*` (any run of characters except `/`), `?` (one character except
/// `/`), `**` (anything, across directories; `**/` also matches no directory), `[abc]`, `[a-z]`,
/// `[!abc]` and `\` to escape the next character.
struct GlobPattern: Sendable, Equatable {
    let characters: [Character]

    init(_ text: String) { characters = Array(text) }

    /// Whether the whole of `text` matches.
    func matches(_ text: String) -> Bool {
        var memo: [Int: Bool] = [:]
        return match(0, Array(text), 0, &memo)
    }

    private func match(_ p: Int, _ text: [Character], _ t: Int, _ memo: inout [Int: Bool]) -> Bool {
        let key = p * (text.count + 1) + t
        if let known = memo[key] { return known }
        let result = step(p, text, t, &memo)
        memo[key] = result
        return result
    }

    private func step(_ p: Int, _ text: [Character], _ t: Int, _ memo: inout [Int: Bool]) -> Bool {
        guard p < characters.count else { return t == text.count }
        switch characters[p] {
        case "*":
            if p + 1 < characters.count, characters[p + 1] == "*" {
                var next = p + 2
                if next < characters.count, characters[next] == "/" {
                    if match(next + 1, text, t, &memo) { return true }
                    next = p + 2
                }
                for end in t...text.count where match(next, text, end, &memo) { return true }
                return false
            }
            var end = t
            while true {
                if match(p + 1, text, end, &memo) { return true }
                guard end < text.count, text[end] != "/" else { return false }
                end += 1
            }
        case "?":
            guard t < text.count, text[t] != "/" else { return false }
            return match(p + 1, text, t + 1, &memo)
        case "[":
            guard t < text.count, text[t] != "/", let (matched, next) = bracket(p, text[t]) else {
                return t < text.count && text[t] == "[" && match(p + 1, text, t + 1, &memo)
            }
            return matched && match(next, text, t + 1, &memo)
        case "\\" where p + 1 < characters.count:
            guard t < text.count, text[t] == characters[p + 1] else { return false }
            return match(p + 2, text, t + 1, &memo)
        case let literal:
            guard t < text.count, text[t] == literal else { return false }
            return match(p + 1, text, t + 1, &memo)
        }
    }

    /// Matches `character` against the class starting at `open`; nil when the class is unclosed
    /// (then `[` is literal). Returns whether it matched and the index after `]`.
    private func bracket(_ open: Int, _ character: Character) -> (Bool, Int)? {
        var index = open + 1
        var negated = false
        if index < characters.count, characters[index] == "!" || characters[index] == "^" {
            negated = true
            index += 1
        }
        var matched = false
        var first = true
        while index < characters.count {
            let current = characters[index]
            if current == "]" && !first { return (matched != negated, index + 1) }
            first = false
            if index + 2 < characters.count, characters[index + 1] == "-", characters[index + 2] != "]" {
                if current <= character && character <= characters[index + 2] { matched = true }
                index += 3
            } else {
                if current == character { matched = true }
                index += 1
            }
        }
        return nil
    }
}
