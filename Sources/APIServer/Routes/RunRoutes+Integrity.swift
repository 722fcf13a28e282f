import APIModels
import Integrity
import Storage

extension RunRoutes {
    /// The integrity section of a team's run report: nil unless the newest report of the run's
    /// evaluation flags the team. Before publication only the kinds of its flags (the evidence
    /// comes from other teams' trading and from private rounds, which no team sees before the
    /// results are published); afterwards the team's whole part of the report.
    func integritySection(run: RunRecord, teamId: Int64, published: Bool) async throws -> RunIntegrityView? {
        guard let record = try await integrity.integrityReport(contestId: run.contestId, evaluationId: run.evaluationId)
        else { return nil }
        let stored = try IntegrityReport.Stored([UInt8](record.report))
        let flags = stored.flags(team: String(teamId))
        guard !flags.isEmpty else { return nil }
        let section = published ? stored.teamSection(String(teamId)).map { String(decoding: $0, as: UTF8.self) } : nil
        return RunIntegrityView(
            evaluationId: record.evaluationId, reportSha256: record.sha256, flags: flags, section: section)
    }
}
