import ContestModel
import Storage

/// Creates or updates a contest from its definition and records the change in the audit log.
public struct ContestPublisher: Sendable {
    let contests: any ContestRepository
    let audit: any AuditRepository

    public init(contests: any ContestRepository, audit: any AuditRepository) {
        self.contests = contests
        self.audit = audit
    }

    /// Returns true when the contest was created, false when updated.
    @discardableResult
    public func upsert(_ definition: ContestDefinition, actor: String) async throws -> Bool {
        let json = try definition.canonicalJSON()
        let sha = try definition.sha256()
        let created = try await contests.upsertContest(
            id: definition.id, name: definition.name, definitionJSON: json, sha256: sha,
            registrationOpen: definition.registration.open,
            inviteCodeHash: definition.registration.inviteCode.map(TokenHash.hash), secret: nil)
        try await audit.appendAudit(
            actor: actor, action: created ? "contest.created" : "contest.updated",
            subject: "contest:\(definition.id)", details: ["sha256": sha])
        return created
    }
}
