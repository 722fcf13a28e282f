/// The recorded review of an integrity finding: what was decided about which report, and — for a
/// published contest — the amendment job that signs the decision into the board's history.
public struct IntegrityReviewView: Codable, Sendable, Equatable {
    public var contestId: String
    public var evaluationId: Int64
    /// SHA-256 of the report the decision is about.
    public var reportSha256: String
    public var teamId: Int64
    public var kind: String
    /// `cleared` or `acknowledged`.
    public var decision: String
    public var reason: String
    /// The publish job of the signed amendment (published contests only).
    public var amendmentJobId: Int64?

    public init(
        contestId: String, evaluationId: Int64, reportSha256: String, teamId: Int64, kind: String, decision: String,
        reason: String, amendmentJobId: Int64?
    ) {
        self.contestId = contestId
        self.evaluationId = evaluationId
        self.reportSha256 = reportSha256
        self.teamId = teamId
        self.kind = kind
        self.decision = decision
        self.reason = reason
        self.amendmentJobId = amendmentJobId
    }
}
