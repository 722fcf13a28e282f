/// The shape of an API token, checked before it goes into an `Authorization` header so that a
/// damaged token (a pasted newline, a space, a quote) fails with a message that does not show it.

import Foundation

enum TokenFormat {
    /// The longest token the server accepts in a header.
    static let maxLength = 190

    /// Why `token` cannot be a token, or nil when it looks like one. Never includes the token.
    static func problem(_ token: String) -> String? {
        if token.isEmpty { return "it is empty" }
        if token.utf8.count > maxLength { return "it is \(token.utf8.count) bytes long (tokens are shorter)" }
        for scalar in token.unicodeScalars {
            switch scalar.value {
            case 0x20: return "it contains a space"
            case 0..<0x20, 0x7F: return "it contains a control character (a pasted newline or tab?)"
            case 0x80...: return "it contains a non-ASCII character"
            case 0x22, 0x27, 0x60: return "it contains a quote character"
            default: continue
            }
        }
        return nil
    }

    /// `text` with the secret part of every platform token (`pa_team_…`, `pa_org_…`) replaced,
    /// for messages that quote what the user typed (argument parsing errors).
    static func redactingTokens(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let range = ["pa_team_", "pa_org_"].compactMap({ rest.range(of: $0) }).min(by: {
            $0.lowerBound < $1.lowerBound
        }) {
            result += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            let secret = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
            if !secret.isEmpty { result += "‹redacted›" }
            rest = rest.dropFirst(secret.count)
        }
        return result + rest
    }
}
