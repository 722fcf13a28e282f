import Foundation

/// What a team may read of a status-history detail. Details are written by the API, the runners
/// and the database; only known shapes are shown as written (`evaluation 12`, a validation
/// code, a rerun notice). Anything else, notably a runner's error text with host paths, is
/// replaced by a code and a short safe sentence; the full text stays in the server log and the
/// audit trail for organizers.
enum StatusDetail {
    /// The detail as a team sees it.
    static func scrubbed(_ detail: String?) -> String? {
        guard let detail else { return nil }
        if Self.isKnown(detail) { return detail }
        if detail.hasPrefix("platform failure") {
            return "platform_failure: the platform failed to evaluate this submission; it was not charged"
        }
        return "internal: details withheld; the organizers can see them"
    }

    private static func isKnown(_ detail: String) -> Bool {
        let patterns = [
            #"^evaluation [0-9]{1,19}(; faulted in a private round)?$"#,
            #"^run [0-9]{1,19} is being rerun \(still not charged\)$"#,
            #"^[a-z][a-z0-9_]{0,63}$"#,
            // Validation episodes (JobRunner's ValidationJob): the team's own bot, paths shown as /bot.
            #"^validation episode passed: [0-9]{1,9} orders? accepted, [0-9]{1,9} trades?$"#,
            #"^validation episode failed \([a-z_]{1,64}\): [^\n]{1,600}$"#,
            #"^(a newer submission of the team was evaluated|the team selected another submission for evaluation|the team chose another submission as its entry)$"#,
        ]
        return patterns.contains { detail.range(of: $0, options: .regularExpression) != nil }
    }
}
