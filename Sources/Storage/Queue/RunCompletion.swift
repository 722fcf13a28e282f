public import Foundation

/// Everything a runner writes when a run finishes, committed in one transaction.
public struct RunCompletion: Sendable {
    public var jobId: Int64
    public var owner: String
    public var runId: Int64
    public var engineVersion: String
    public var configSHA256: String
    public var transcript: Data
    public var transcriptRoot: String
    public var attestationJSON: String
    public var results: [RunResultRecord]

    public init(
        jobId: Int64, owner: String, runId: Int64, engineVersion: String, configSHA256: String,
        transcript: Data, transcriptRoot: String, attestationJSON: String, results: [RunResultRecord]
    ) {
        self.jobId = jobId
        self.owner = owner
        self.runId = runId
        self.engineVersion = engineVersion
        self.configSHA256 = configSHA256
        self.transcript = transcript
        self.transcriptRoot = transcriptRoot
        self.attestationJSON = attestationJSON
        self.results = results
    }
}
