import APIModels
import Storage

extension TeamView {
    /// A stored team (never its token).
    init(record: TeamRecord) {
        self.init(
            teamId: record.id, name: record.name, contestId: record.contestId,
            disqualified: record.disqualifiedAt != nil, disqualifyReason: record.disqualifyReason)
    }
}
