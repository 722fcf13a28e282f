import APIServer
import Foundation
import Synchronization

@testable import Storage

extension InMemoryArena: SubmissionRepository {
    func intakeSubmission(
        teamId: Int64, contestId: String, sha256: String, runtime: String, bundle: Data, verdict: SubmissionVerdict
    ) async throws -> Int64 {
        let record = receive(teamId: teamId, contestId: contestId, sha256: sha256, runtime: runtime)
        try await transitionSubmission(
            id: record.id, to: "validating", detail: nil, validationReport: nil, charged: nil)
        switch verdict {
        case .rejected(let code, let report):
            try await transitionSubmission(
                id: record.id, to: "rejected", detail: code, validationReport: report, charged: nil)
        case .accepted(let report):
            try await passValidation(submissionId: record.id, contestId: contestId, validationReport: report)
        }
        return record.id
    }

    private func receive(teamId: Int64, contestId: String, sha256: String, runtime: String) -> SubmissionRecord {
        state.withLock { state in
            let record = SubmissionRecord(
                id: state.makeId(), teamId: teamId, contestId: contestId, sha256: sha256, runtime: runtime,
                status: "received", statusHistoryJSON: Self.history([], status: "received", detail: nil),
                validationReport: nil, charged: false, createdAt: Date())
            state.submissions[record.id] = record
            return record
        }
    }

    func transitionSubmission(
        id: Int64, to status: String, detail: String?, validationReport: String?, charged: Bool?
    ) async throws {
        state.withLock { state in
            guard var record = state.submissions[id] else { return }
            let earlier =
                (try? JSONDecoder().decode([[String: String]].self, from: Data(record.statusHistoryJSON.utf8))) ?? []
            record.status = status
            record.statusHistoryJSON = Self.history(earlier, status: status, detail: detail)
            record.validationReport = validationReport ?? record.validationReport
            record.charged = charged ?? record.charged
            state.submissions[id] = record
        }
    }

    func submissions(teamId: Int64) async throws -> [SubmissionRecord] {
        state.withLock { $0.submissions.values.filter { $0.teamId == teamId }.sorted { $0.id > $1.id } }
    }

    func submission(id: Int64) async throws -> SubmissionRecord? {
        state.withLock { $0.submissions[id] }
    }

    func quotaCounts(teamId: Int64, since: Date) async throws -> ArenaStore.QuotaCounts {
        state.withLock { state in
            let own = state.submissions.values.filter { $0.teamId == teamId }
            let today = own.filter { $0.createdAt >= since }
            return ArenaStore.QuotaCounts(
                charged: today.filter(\.charged).count, invalid: today.filter { $0.status == "rejected" }.count,
                inFlight: own.filter { ["received", "validating", "queued", "running"].contains($0.status) }.count)
        }
    }

    func selectSubmission(id: Int64, teamId: Int64) async throws -> ArenaStore.SelectionOutcome {
        state.withLock { state in
            guard let record = state.submissions[id], record.teamId == teamId else { return .notFound }
            guard ArenaStore.selectableStatuses.contains(record.status) else {
                return .notSelectable(status: record.status)
            }
            state.selections[teamId] = id
            return .selected
        }
    }

    func selectedSubmissionId(teamId: Int64) async throws -> Int64? {
        state.withLock { $0.selections[teamId] }
    }

    private static func history(_ earlier: [[String: String]], status: String, detail: String?) -> String {
        var entry = ["status": status, "at": ISO8601DateFormatter().string(from: Date())]
        if let detail { entry["detail"] = detail }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(earlier + [entry])) ?? Data("[]".utf8), as: UTF8.self)
    }
}
