/// The job queue as the API uses it: asking for a new evaluation of a contest.
public protocol EvaluationQueue: Sendable {
    /// Queues an evaluation of the contest (coalesced with one already queued); returns the job id.
    @discardableResult
    func enqueueEvaluation(contestId: String) async throws -> Int64
}
