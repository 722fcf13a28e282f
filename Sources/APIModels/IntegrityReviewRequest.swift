/// `POST /v1/admin/contests/{contest}/integrity/review`: an organizer's decision about one
/// finding of the contest's integrity report (docs/INTEGRITY.md). `decision` is `clear` (not
/// an offence) or `acknowledge` (confirmed; disqualification is a separate, reasoned decision);
/// the finding is named by the flagged team and the detector (`transfer`, `wash`, `copying`,
/// `spoofing`); `evaluationId` defaults to the newest report's evaluation.
public struct IntegrityReviewRequest: Codable, Sendable, Equatable {
    public var decision: String
    public var teamId: Int64
    public var kind: String
    public var reason: String
    public var evaluationId: Int64?

    public init(decision: String, teamId: Int64, kind: String, reason: String, evaluationId: Int64? = nil) {
        self.decision = decision
        self.teamId = teamId
        self.kind = kind
        self.reason = reason
        self.evaluationId = evaluationId
    }
}
