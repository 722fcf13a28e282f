import APIModels
import Storage

extension RunSummaryView {
    /// A stored run.
    init(record: RunRecord) {
        self.init(
            runId: record.id, contestId: record.contestId, evaluationId: record.evaluationId, round: record.round,
            heat: record.heat, status: record.status, transcriptRoot: record.transcriptRoot)
    }
}
