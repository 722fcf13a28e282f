public import ContestModel
import Foundation
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
    ///
    /// Stores the redacted public definition (no invite code) — exactly the bytes
    /// `definition_sha256` covers and `GET /v1/contests/{id}/definition` serves — and the secret
    /// part apart, committed by `secret_sha256` = SHA-256(random salt || secret JSON).
    @discardableResult
    public func upsert(_ definition: ContestDefinition, actor: String) async throws -> Bool {
        let json = try definition.publicCanonicalJSON()
        let sha = try definition.sha256()
        let secret = try definition.secretJSON().map { secretJSON in
            let salt = [UInt8](EvaluationSeeds.randomMaterial())
            return ContestSecretRecord(
                salt: Data(salt), json: secretJSON,
                sha256: ContestDefinition.secretCommitment(secretJSON: secretJSON, salt: salt))
        }
        let created = try await contests.upsertContest(
            id: definition.id, name: definition.name, definitionJSON: json, sha256: sha,
            registrationOpen: definition.registration.open,
            inviteCodeHash: definition.registration.inviteCode.map(TokenHash.hash), secret: secret)
        var details = ["sha256": sha]
        if let secret { details["secret_sha256"] = secret.sha256 }
        try await audit.appendAudit(
            actor: actor, action: created ? "contest.created" : "contest.updated",
            subject: "contest:\(definition.id)", details: details)
        return created
    }
}
