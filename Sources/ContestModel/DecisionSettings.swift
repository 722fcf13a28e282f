/// Decision logs (`decisions:` in the YAML; optional). With `required: true` every order a bot
/// places must be explained by the `decision` of its reply (docs/BOT-PROTOCOL.md, "decision");
/// an order without one is refused at the boundary with the reason `decision_required`.
///
/// ```yaml
/// decisions:
///   required: true
/// ```
public struct DecisionSettings: Codable, Sendable, Hashable {
    /// Refuse orders that no decision of their reply is bound to.
    public var required: Bool

    /// Creates settings.
    public init(required: Bool = false) {
        self.required = required
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? false
    }

    enum CodingKeys: String, CodingKey { case required }
}
