/// `POST /v1/admin/runs/{id}/rerun` response: the run and the job queued for its new attempt.
///
/// A complete run keeps its results until the new attempt commits, which replaces them in one
/// transaction; a failed new attempt leaves them untouched.
public struct RerunView: Codable, Sendable, Equatable {
    public var runId: Int64
    public var jobId: Int64
    /// The run's status now: `complete` (old results stay until replaced) or `queued` (was failed).
    public var runStatus: String

    public init(runId: Int64, jobId: Int64, runStatus: String) {
        self.runId = runId
        self.jobId = jobId
        self.runStatus = runStatus
    }
}
