/// An action of the bot that was refused since the previous observation.
public struct RejectionView: Codable, Sendable, Hashable {
    /// The `client_id` of the refused order, if any.
    public var clientID: UInt64?
    /// Stable snake_case reason: an engine `RejectReason` raw value or a host-side code such as
    /// `invalid_action`, `unknown_symbol` or `off_grid`.
    public var reason: String
    /// Human-readable detail, optional.
    public var detail: String?

    /// Creates a rejection view.
    public init(clientID: UInt64?, reason: String, detail: String? = nil) {
        self.clientID = clientID
        self.reason = reason
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey {
        case clientID = "client_id"
        case reason, detail
    }
}
