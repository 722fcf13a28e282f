/// The one error shape of the API: `{"error": {"code": "...", "message": "..."}}`.
public struct APIErrorBody: Codable, Sendable, Equatable {
    public struct Detail: Codable, Sendable, Equatable {
        /// Stable machine-readable code, e.g. `quota_exceeded`.
        public var code: String
        /// What happened and what to do next, for a person.
        public var message: String
    }

    public var error: Detail

    public init(code: String, message: String) { self.error = Detail(code: code, message: message) }
}
