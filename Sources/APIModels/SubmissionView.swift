public import Foundation

/// A submission as its team sees it.
public struct SubmissionView: Codable, Sendable, Equatable {
    public var id: Int64
    public var teamId: Int64
    public var contestId: String
    public var sha256: String
    public var runtime: String
    /// received, validating, rejected, queued, running, scored, failed, superseded.
    public var status: String
    public var statusHistory: [StatusChange]
    public var validationReport: String?
    public var charged: Bool
    public var createdAt: Date
    public var quota: QuotaView?
    /// The team's final selection (evaluated instead of its active entry in a final-selection phase).
    public var selected: Bool
    /// The team's active entry: the submission its evaluations take (its newest validated one
    /// unless it chose another with `POST /v1/submissions/{id}/activate`).
    public var active: Bool

    public init(
        id: Int64, teamId: Int64, contestId: String, sha256: String, runtime: String, status: String,
        statusHistory: [StatusChange], validationReport: String?, charged: Bool, createdAt: Date,
        quota: QuotaView? = nil, selected: Bool = false, active: Bool = false
    ) {
        self.selected = selected
        self.active = active
        self.id = id
        self.teamId = teamId
        self.contestId = contestId
        self.sha256 = sha256
        self.runtime = runtime
        self.status = status
        self.statusHistory = statusHistory
        self.validationReport = validationReport
        self.charged = charged
        self.createdAt = createdAt
        self.quota = quota
    }

    enum CodingKeys: String, CodingKey {
        case id, teamId, contestId, sha256, runtime, status, statusHistory, validationReport, charged, createdAt
        case quota, selected, active
    }

    /// Decodes a submission; `active` defaults to false for servers that do not send it yet.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int64.self, forKey: .id)
        teamId = try c.decode(Int64.self, forKey: .teamId)
        contestId = try c.decode(String.self, forKey: .contestId)
        sha256 = try c.decode(String.self, forKey: .sha256)
        runtime = try c.decode(String.self, forKey: .runtime)
        status = try c.decode(String.self, forKey: .status)
        statusHistory = try c.decode([StatusChange].self, forKey: .statusHistory)
        validationReport = try c.decodeIfPresent(String.self, forKey: .validationReport)
        charged = try c.decode(Bool.self, forKey: .charged)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        quota = try c.decodeIfPresent(QuotaView.self, forKey: .quota)
        selected = try c.decodeIfPresent(Bool.self, forKey: .selected) ?? false
        active = try c.decodeIfPresent(Bool.self, forKey: .active) ?? false
    }
}

/// One transition of a submission's state machine.
public struct StatusChange: Codable, Sendable, Equatable {
    public var status: String
    public var at: Date
    public var detail: String?

    public init(status: String, at: Date, detail: String? = nil) {
        self.status = status
        self.at = at
        self.detail = detail
    }
}

/// A team's daily submission quota.
public struct QuotaView: Codable, Sendable, Equatable {
    public var used: Int
    public var limit: Int
    public var invalidUsed: Int
    public var invalidLimit: Int
    public var inFlight: Int
    public var inFlightLimit: Int
    /// When the daily counters reset (next UTC midnight).
    public var resetsAt: Date

    public init(
        used: Int, limit: Int, invalidUsed: Int, invalidLimit: Int, inFlight: Int, inFlightLimit: Int,
        resetsAt: Date
    ) {
        self.used = used
        self.limit = limit
        self.invalidUsed = invalidUsed
        self.invalidLimit = invalidLimit
        self.inFlight = inFlight
        self.inFlightLimit = inFlightLimit
        self.resetsAt = resetsAt
    }
}
