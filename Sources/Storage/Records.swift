public import Foundation

/// A stored contest.
public struct ContestRecord: Sendable, Equatable {
    public var id: String
    public var name: String
    public var definitionJSON: String
    public var definitionSHA256: String
    public var registrationOpen: Bool
    public var inviteCodeSHA256: Data?
    public var frozenAt: Date?
    public var publishedAt: Date?
    /// The canonical JSON of the redacted public definition, exactly the bytes `definitionSHA256`
    /// covers (nil for contests stored before migration 0005 until they are updated).
    public var publicDefinition: String? = nil
    /// Commitment to the definition's secret part (invite code): SHA-256 of salt and secret JSON.
    public var secretSHA256: String? = nil
    /// The evaluation a publication sealed (nil before publication).
    public var sealedEvaluationId: Int64? = nil
}

/// A stored team (never its token).
public struct TeamRecord: Sendable, Equatable {
    public var id: Int64
    public var contestId: String
    public var name: String
    public var createdAt: Date
    public var disqualifiedAt: Date?
    public var disqualifyReason: String?
}

/// A stored submission without its bundle bytes.
public struct SubmissionRecord: Sendable, Equatable {
    public var id: Int64
    public var teamId: Int64
    public var contestId: String
    public var sha256: String
    public var runtime: String
    public var status: String
    public var statusHistoryJSON: String
    public var validationReport: String?
    public var charged: Bool
    public var createdAt: Date
}

/// A claimed job.
public struct JobRecord: Sendable, Equatable {
    public enum Kind: String, Sendable { case evaluate, run, publish, validate }
    public var id: Int64
    public var kind: Kind
    public var contestId: String
    public var evaluationId: Int64?
    public var runId: Int64?
    public var attempts: Int
    public var maxAttempts: Int
}

/// A run: one heat of one round of one evaluation.
public struct RunRecord: Sendable, Equatable {
    public var id: Int64
    public var evaluationId: Int64
    public var contestId: String
    public var round: Int
    public var heat: Int
    public var seed: UInt64
    public var seedPublic: Bool
    public var status: String
    public var transcriptRoot: String?
}

/// One team's place in a run.
public struct RunEntryRecord: Sendable, Equatable {
    public var teamId: Int64
    public var teamName: String
    public var submissionId: Int64
    public var slot: Int
    public var runtime: String
    public var sha256: String
    public var bundle: Data
}

/// One team's result in a run, as written by the runner.
public struct RunResultRecord: Sendable, Equatable {
    public var teamId: Int64
    public var submissionId: Int64
    public var finalEquity: Int64
    public var pnl: Int64
    public var score: Int64?
    public var fees: Int64
    public var funding: Int64
    public var trades: Int
    public var liquidations: Int
    public var maxDrawdown: Int64
    public var faultCode: String?
    public var faultTick: Int64?
    public var rankInRun: Int
    public var reportJSON: String
    public var logs: String

    public init(
        teamId: Int64, submissionId: Int64, finalEquity: Int64, pnl: Int64, score: Int64?, fees: Int64,
        funding: Int64, trades: Int, liquidations: Int, maxDrawdown: Int64, faultCode: String?,
        faultTick: Int64?, rankInRun: Int, reportJSON: String, logs: String
    ) {
        self.teamId = teamId
        self.submissionId = submissionId
        self.finalEquity = finalEquity
        self.pnl = pnl
        self.score = score
        self.fees = fees
        self.funding = funding
        self.trades = trades
        self.liquidations = liquidations
        self.maxDrawdown = maxDrawdown
        self.faultCode = faultCode
        self.faultTick = faultTick
        self.rankInRun = rankInRun
        self.reportJSON = reportJSON
        self.logs = logs
    }
}
