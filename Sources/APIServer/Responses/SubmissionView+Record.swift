import APIModels
import Foundation
import Storage

extension SubmissionView {
    /// A stored submission with its status history (details scrubbed, `StatusDetail`), and
    /// optionally the team's quota.
    init(record: SubmissionRecord, quota: QuotaView? = nil, selected: Bool = false, active: Bool = false) throws {
        let raw = try JSONDecoder().decode([[String: String]].self, from: Data(record.statusHistoryJSON.utf8))
        let formatter = ISO8601DateFormatter()
        let history = raw.map {
            StatusChange(
                status: $0["status"] ?? "", at: formatter.date(from: $0["at"] ?? "") ?? record.createdAt,
                detail: StatusDetail.scrubbed($0["detail"]))
        }
        self.init(
            id: record.id, teamId: record.teamId, contestId: record.contestId, sha256: record.sha256,
            runtime: record.runtime, status: record.status, statusHistory: history,
            validationReport: record.validationReport, charged: record.charged,
            createdAt: record.createdAt, quota: quota, selected: selected, active: active)
    }
}
