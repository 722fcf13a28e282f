import ContestModel
import Foundation

extension ContestDefinition {
    /// The phase open at `date` that asks teams for a final selection, if any. A phase without
    /// `starts_at` has always started; one without `ends_at` never ends.
    func openSelectionPhase(at date: Date) -> PhaseSettings? {
        let formatter = ISO8601DateFormatter()
        return phases.first { phase in
            guard phase.finalSelection else { return false }
            if let start = phase.startsAt.flatMap(formatter.date(from:)), date < start { return false }
            if let end = phase.endsAt.flatMap(formatter.date(from:)), date >= end { return false }
            return true
        }
    }
}
