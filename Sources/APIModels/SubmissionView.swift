import Foundation

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
    /// The team's final selection (evaluated instead of its newest submission).
    public var selected: Bool

    public init(
        id: Int64, teamId: Int64, contestId: String, sha256: String, runtime: String, status: String,
        statusHistory: [StatusChange], validationReport: String?, charged: Bool, createdAt: Date,
        quota: QuotaView? = nil, selected: Bool = false
    ) {
        self.selected = selected
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
