/// Something the viewer marks on the time line: `liquidation`, `adl`, `fault`, `timeout`.
struct ReplayIncident: Codable, Sendable {
    var tick: Int64
    /// The team's slot (nil for a house account).
    var slot: Int?
    var kind: String
    /// Plain text (fault messages come from bots: the viewer shows them as text, never HTML).
    var detail: String
}
