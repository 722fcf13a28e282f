import AuditLog
import ContestModel
import Integrity

/// The `links` check of `arena verify --contest` (docs/INTEGRITY.md §10): every verified
/// transcript's self-trade-prevention links are exactly those the published definition's
/// `integrity.linked_teams` calls for its heat (`LinkAudit`), so a runner cannot have kept two
/// teams from trading each other, or let linked teams trade, without this check failing.
enum VerifyLinksCheck {
    /// Checks `transcripts` (every run of the board, already replayed) against the published
    /// definition's `settings` (nil: not available, the check is skipped).
    static func check(transcripts: [[UInt8]], settings: IntegritySettings?) throws -> VerifyIntegrityCheck.Outcome {
        guard let settings else { return .init(skipped: "the published definition is not available", detail: "") }
        var links = 0
        for bytes in transcripts {
            // One record at a time: the transcripts were already replayed and their chains checked.
            let audit = try LinkAudit.check(transcript: bytes, settings: settings)
            if let problem = audit.problem {
                return .init(failure: Divergence(.linkMismatch, message: "run \(audit.runID): \(problem)"), detail: "")
            }
            links += audit.links
        }
        let groups = settings.linkedTeams.count
        return .init(
            detail: groups == 0
                ? "the definition links no teams; no links in \(transcripts.count) transcripts"
                : "\(links) link(s) in \(transcripts.count) transcripts, exactly those of the definition's "
                    + "\(groups) linked group(s)")
    }
}
