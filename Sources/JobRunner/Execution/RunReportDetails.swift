/// Extra facts of a team's run kept with its result (shown in its run report).
struct RunReportDetails: Codable, Sendable {
    var strikes: Int
    var droppedLogLines: Int
    var exitStatus: String
    var memoryPeakBytes: Int?
}
