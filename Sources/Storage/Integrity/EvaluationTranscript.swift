public import Foundation

/// A complete run's transcript, as the runner reads it to compute an evaluation's integrity report.
public struct EvaluationTranscript: Sendable, Equatable {
    public var runId: Int64
    /// The transcript file's bytes as stored (decode with `Transcript.decode`).
    public var transcript: Data

    public init(runId: Int64, transcript: Data) {
        self.runId = runId
        self.transcript = transcript
    }
}
