import HTTPTypes

/// The headers of every page and asset: a strict Content-Security-Policy (scripts, styles and
/// connections from this origin only — no inline script or style, no `eval`, no plugins, no
/// framing, forms post only here), no MIME sniffing, no referrer, no framing for old browsers.
enum WebSecurity {
    /// The policy: only files served under `/assets/` run or style a page.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// The headers added to every web response.
    static var headers: HTTPFields {
        [
            HTTPField.Name("Content-Security-Policy")!: contentSecurityPolicy,
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "no-referrer",
            HTTPField.Name("X-Frame-Options")!: "DENY",
            HTTPField.Name("Cross-Origin-Opener-Policy")!: "same-origin",
            HTTPField.Name("Permissions-Policy")!: "camera=(), microphone=(), geolocation=()",
        ]
    }
}
