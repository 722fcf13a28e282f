public import Foundation
public import Storage

/// Runs as teams and the public see them: lists, per-team results, artifacts, attestation keys,
/// and the organizer's rerun.
public protocol RunRepository: Sendable {
    /// Runs a team took part in, newest first.
    func runs(teamId: Int64) async throws -> [RunRecord]
    /// One run.
    func run(id: Int64) async throws -> RunRecord?
    /// One team's result row in a run, with the number of teams in it.
    func runResult(runId: Int64, teamId: Int64) async throws -> (RunResultRecord, teams: Int)?
    /// A run's transcript and attestation, and whether its contest's results are published.
    func runArtifacts(runId: Int64) async throws -> (transcript: Data?, attestation: String?, published: Bool)?
    /// Every public attestation key, active first.
    func publicKeys() async throws -> [ArenaStore.PublicKeyRecord]
    /// Queues a new attempt of an existing run.
    func requeueRun(runId: Int64, actor: String) async throws -> ArenaStore.RerunOutcome
}
