import HTTPTypes
import Hummingbird
import NIOCore

/// The pages' stylesheet and scripts, compiled into the server (no build step, no files to
/// deploy next to the binary). Served under `/assets/<name>` with the web security headers,
/// an exact content type and `nosniff`.
enum WebAssets {
    static let styleName = "site.css"
    static let iconName = "icon.svg"
    /// The site icon (a rising price path), so browsers do not ask for `/favicon.ico`.
    static let icon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f5fbf"/>\
        <polyline points="5,24 12,16 17,20 27,8" fill="none" stroke="#fff" stroke-width="3" stroke-linejoin="round"/></svg>
        """

    /// The asset called `name`: its content type and text.
    static func asset(named name: String) -> (type: String, text: String)? {
        switch name {
        case styleName: ("text/css; charset=utf-8", style)
        case iconName: ("image/svg+xml", icon)
        case "leaderboard.js": ("text/javascript; charset=utf-8", leaderboardScript)
        case "replay.js": ("text/javascript; charset=utf-8", replayScript)
        default: nil
        }
    }

    /// The asset as a response (`404` page for an unknown name).
    static func response(named name: String) -> Response {
        guard let asset = asset(named: name) else { return WebPage.error(.notFound, "no such asset") }
        var headers = WebSecurity.headers
        headers[.contentType] = asset.type
        headers[.cacheControl] = "public, max-age=300"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: asset.text)))
    }
}
