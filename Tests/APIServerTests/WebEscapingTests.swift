import Foundation
import Testing

@testable import APIServer

/// The one escaping function of the pages: hostile team names come out as text.
struct WebEscapingTests {
    static let hostile = [
        "<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "\"><svg onload=alert(1)>",
        "' onmouseover='alert(1)",
        "</td></tr></table><iframe src=javascript:alert(1)>", "&lt;already escaped&gt;",
        "<<SCRIPT>alert(1);//<</SCRIPT>",
        "javascript:alert(1)", "Ünïcødé 🚀 <b>bold</b>", "a\u{0}b\u{1B}c",
    ]

    @Test func hostileStringsBecomeText() {
        #expect(HTML.escape("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;")
        #expect(HTML.escape("\"'&") == "&quot;&#39;&amp;")
        for text in Self.hostile {
            let escaped = HTML.escape(text)
            #expect(!escaped.contains("<") && !escaped.contains(">"), "\(text)")
            #expect(!escaped.contains("\"") && !escaped.contains("'"), "\(text): safe in quoted attributes")
            #expect(!escaped.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "\(text)")
            let decoded = escaped.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(
                of: "&gt;", with: ">"
            )
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
            if !text.unicodeScalars.contains(where: { $0.value < 0x20 }) { #expect(decoded == text, "round trip") }
        }
    }

    @Test func pathSegmentsCannotLeaveTheirSegmentOrAttribute() {
        #expect(HTML.segment("demo") == "demo")
        #expect(HTML.segment("a/../b?c=\"d\"#e") == "a%2F..%2Fb%3Fc%3D%22d%22%23e")
        #expect(HTML.segment("<x>") == "%3Cx%3E")
    }
}
