/// `POST /v1/admin/contests/{id}/amend`: why the published board is amended (required).
public struct AmendmentRequest: Codable, Sendable, Equatable {
    /// Shown in the new signed version and in the audit log, e.g. "team X disqualified: shared accounts".
    public var reason: String

    public init(reason: String) { self.reason = reason }
}
