import Foundation

/// The one place text becomes HTML. Every string that reaches a page — team names, contest
/// names and descriptions, phase names, fault codes, hashes — goes through ``escape(_:)``; page
/// code never interpolates raw text. Escaping `& < > " '` makes a value safe in element content
/// and in quoted attribute values, which are the only two places pages put text.
enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // Control characters (other than tab and newline) have no business in a page.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{7F}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A path segment for a link (`/contests/<segment>`): percent-encoded, then escaped for the
    /// attribute, so an id can neither leave its segment nor its attribute.
    static func segment(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return escape(text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
    }
}
