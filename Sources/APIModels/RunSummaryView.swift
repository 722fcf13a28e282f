/// A run in a team's list of runs.
public struct RunSummaryView: Codable, Sendable, Equatable {
    public var runId: Int64
    public var contestId: String
    public var evaluationId: Int64
    public var round: Int
    public var heat: Int
    public var status: String
    public var transcriptRoot: String?

    public init(
        runId: Int64, contestId: String, evaluationId: Int64, round: Int, heat: Int, status: String,
        transcriptRoot: String?
    ) {
        self.runId = runId
        self.contestId = contestId
        self.evaluationId = evaluationId
        self.round = round
        self.heat = heat
        self.status = status
        self.transcriptRoot = transcriptRoot
    }
}
