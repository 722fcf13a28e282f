/// The integrity section of a flagged team's own run report (docs/INTEGRITY.md): the kinds of
/// findings that name the team in its evaluation's report and, once the results are published,
/// the team's part of the report (canonical JSON: its summary, the findings naming it with their
/// evidence, the thresholds). Before publication the findings' evidence and the other team of a
/// pair stay with the organizers: they come from other teams' trading and from private rounds.
public struct RunIntegrityView: Codable, Sendable, Equatable {
    public var evaluationId: Int64
    /// SHA-256 of the full report (served at `/v1/contests/{id}/integrity` after publication).
    public var reportSha256: String
    /// Detector kinds that flag the team (`copying`, `spoofing`, `transfer`, `wash`).
    public var flags: [String]
    /// The team's part of the report, canonical JSON text; after publication only.
    public var section: String?

    public init(evaluationId: Int64, reportSha256: String, flags: [String], section: String?) {
        self.evaluationId = evaluationId
        self.reportSha256 = reportSha256
        self.flags = flags
        self.section = section
    }
}
