import APIModels

/// Extra facts of a team's run kept with its result (shown in its run report).
struct RunReportDetails: Codable, Sendable {
    var strikes: Int
    var droppedLogLines: Int
    var exitStatus: String
    var memoryPeakBytes: Int?
    /// The runtime of the bot (transcript header), e.g. `python-ml`.
    var runtime: String?
    /// The runtime's lock hash, for runtimes built from a lock file.
    var runtimeLockSHA256: String?
    /// The bot's decisions (the first ``RunReportDetails/maxDecisions``), for the team before publication.
    var decisions: [DecisionView]?

    /// Most decisions kept in a report.
    static let maxDecisions = 2000
}
