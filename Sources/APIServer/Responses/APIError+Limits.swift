import HTTPTypes
import Metrics

extension APIError {
    /// The instant a team's daily submission counters reset (ISO 8601), on quota refusals.
    static let quotaResetsAt = HTTPField.Name("X-Quota-Resets-At")!

    /// `429 rate_limited` with `Retry-After`, counted in `arena_rate_limited_total{layer}`.
    static func rateLimited(retryAfter seconds: Int, layer: String) -> APIError {
        Counter(label: "arena_rate_limited_total", dimensions: [("layer", layer)]).increment()
        return APIError(
            .tooManyRequests, code: "rate_limited", "too many requests; retry in \(seconds) s",
            headers: [.retryAfter: "\(seconds)"])
    }

    /// `408 body_timeout`: the body did not arrive in time; the connection is closed.
    static func bodyTimeout(_ timeout: Duration) -> APIError {
        APIError(
            .requestTimeout, code: "body_timeout",
            "the request body did not arrive within \(timeout.components.seconds) s",
            headers: [.connection: "close"])
    }
}
