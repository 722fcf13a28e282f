import Foundation

/// Splits a SQL script into statements at top-level semicolons, respecting quotes, comments and
/// dollar-quoted bodies (PostgreSQL's extended protocol runs one statement at a time).
enum SQLScript {
    static func statements(_ script: String) -> [String] {
        let characters = Array(script.unicodeScalars)
        var statements: [String] = []
        var current = String.UnicodeScalarView()
        var index = 0
        func peek(_ offset: Int) -> Unicode.Scalar? {
            index + offset < characters.count ? characters[index + offset] : nil
        }
        while index < characters.count {
            let character = characters[index]
            if character == "-" && peek(1) == "-" {
                while index < characters.count && characters[index] != "\n" { index += 1 }
                continue
            }
            if character == "/" && peek(1) == "*" {
                index += 2
                while index < characters.count && !(characters[index] == "*" && peek(1) == "/") { index += 1 }
                index += 2
                continue
            }
            if character == "'" || character == "\"" {
                current.append(character)
                index += 1
                while index < characters.count {
                    current.append(characters[index])
                    if characters[index] == character {
                        if peek(1) == character {
                            index += 1
                            current.append(characters[index])
                        } else {
                            break
                        }
                    }
                    index += 1
                }
                index += 1
                continue
            }
            if character == "$", let tag = dollarTag(characters, at: index) {
                let tagScalars = Array(tag.unicodeScalars)
                current.append(contentsOf: tagScalars)
                index += tagScalars.count
                while index < characters.count {
                    if characters[index] == "$",
                        Array(characters[index..<min(characters.count, index + tagScalars.count)]) == tagScalars
                    {
                        current.append(contentsOf: tagScalars)
                        index += tagScalars.count
                        break
                    }
                    current.append(characters[index])
                    index += 1
                }
                continue
            }
            if character == ";" {
                append(&statements, current)
                current = String.UnicodeScalarView()
                index += 1
                continue
            }
            current.append(character)
            index += 1
        }
        append(&statements, current)
        return statements
    }

    private static func append(_ statements: inout [String], _ scalars: String.UnicodeScalarView) {
        let text = String(scalars).trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty { statements.append(text) }
    }

    /// `$tag$` or `$$` starting at `index`, if any.
    private static func dollarTag(_ characters: [Unicode.Scalar], at index: Int) -> String? {
        var end = index + 1
        while end < characters.count,
            characters[end] == "_" || characters[end].properties.isAlphabetic
                || ("0"..."9").contains(characters[end])
        {
            end += 1
        }
        guard end < characters.count, characters[end] == "$" else { return nil }
        if end > index + 1, ("0"..."9").contains(characters[index + 1]) { return nil }
        return String(String.UnicodeScalarView(characters[index...end]))
    }
}
