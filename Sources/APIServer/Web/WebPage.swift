import HTTPTypes
import Hummingbird
import NIOCore

/// A complete HTML document around a page's body: one stylesheet and the page's scripts, all
/// from `/assets/`, never inline. `title` is plain text (escaped here); `body` is HTML already
/// built with ``HTML/escape(_:)``.
struct WebPage {
    var title: String
    var body: String
    /// Asset names (`/assets/<name>`) loaded with `defer`.
    var scripts: [String] = []
    /// Cache-Control: pages of public data may be cached briefly.
    var cacheControl = "public, max-age=5"

    /// The document's text.
    var html: String {
        var out = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        out += "<title>\(HTML.escape(title)) · PerpArena</title>"
        out += "<link rel=\"stylesheet\" href=\"/assets/\(WebAssets.styleName)\">"
        out += "<link rel=\"icon\" type=\"image/svg+xml\" href=\"/assets/\(WebAssets.iconName)\">"
        for script in scripts { out += "<script defer src=\"/assets/\(HTML.escape(script))\"></script>" }
        out += "</head><body><header class=\"site\"><a class=\"brand\" href=\"/\">PerpArena</a>"
        out += "<nav aria-label=\"Site\"><a href=\"/\">Contests</a></nav></header>"
        out += "<main id=\"main\">\(body)</main>"
        out += "<footer class=\"site\"><p>Every number here comes from signed, replayable transcripts: "
        out += "<a href=\"/v1/openapi.json\">API</a> · <code>arena verify</code></p></footer></body></html>\n"
        return out
    }

    /// The page as a response with the web security headers.
    func response(status: HTTPResponse.Status = .ok) -> Response {
        var headers = WebSecurity.headers
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = cacheControl
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A short error page (`404`, `503`, …) with the same headers.
    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        WebPage(
            title: "\(status.code)",
            body: "<h1>\(status.code) \(HTML.escape(status.reasonPhrase))</h1><p>\(HTML.escape(message))</p>",
            cacheControl: "no-store"
        ).response(status: status)
    }
}
