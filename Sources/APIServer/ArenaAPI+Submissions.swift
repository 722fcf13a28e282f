import APIModels
import ContestModel
import Foundation
import Hummingbird
import Metrics
import Storage

extension ArenaAPI {
    func addSubmissionRoutes(to router: Router<ArenaRequestContext>) {
        router.post("/v1/submissions") { request, context in
            try await submit(request, context)
        }
        router.get("/v1/submissions") { _, context in
            let team = try ArenaAPI.requireTeam(context)
            let records = try await store.submissions(teamId: team.id)
            let selected = try await store.selectedSubmissionId(teamId: team.id)
            return try ArenaAPI.json(try records.map { try ArenaAPI.submissionView($0, selected: $0.id == selected) })
        }
        router.get("/v1/submissions/:id") { _, context in
            let team = try ArenaAPI.requireTeam(context)
            let id = try ArenaAPI.int64Parameter(context, "id")
            guard let record = try await store.submission(id: id), record.teamId == team.id else {
                throw APIError.notFound("submission")
            }
            let definition = try await contestDefinition(team.contestId)
            let selected = try await store.selectedSubmissionId(teamId: team.id) == record.id
            return try ArenaAPI.json(
                try ArenaAPI.submissionView(
                    record, quota: try await quota(team, definition),
                    selected: selected))
        }
    }

    /// Accepts an archive: checks quotas, validates statically (rejections are free but capped),
    /// stores it and queues an evaluation. Re-submitting identical files returns the existing entry.
    private func submit(_ request: Request, _ context: ArenaRequestContext) async throws -> Response {
        let team = try ArenaAPI.requireTeam(context)
        guard team.disqualifiedAt == nil else {
            throw APIError(.forbidden, code: "disqualified", "the team is disqualified: \(team.disqualifyReason ?? "")")
        }
        let definition = try await contestDefinition(team.contestId)
        let limits = definition.limits
        let before = try await quota(team, definition)
        if before.inFlight >= before.inFlightLimit {
            throw APIError(
                .tooManyRequests, code: "too_many_in_flight",
                "\(before.inFlight) submissions are still being evaluated; wait for one to finish")
        }
        if before.used >= before.limit {
            throw APIError(
                .tooManyRequests, code: "quota_exceeded",
                "daily quota of \(before.limit) submissions used; it resets at \(ISO8601DateFormatter().string(from: before.resetsAt))",
                headers: [.retryAfter: "\(max(1, Int(before.resetsAt.timeIntervalSinceNow)))"])
        }
        let archive: [UInt8]
        do {
            let buffer = try await request.body.collect(upTo: limits.bundleMaxBytes)
            archive = Array(buffer: buffer)
        } catch {
            throw APIError(
                .contentTooLarge, code: "bundle_too_large",
                "bundle archives may be at most \(limits.bundleMaxBytes) bytes")
        }
        let validation = validator.validate(archive: archive, contest: definition)
        // The invalid-bundle cap is separate: it refuses (without storing) further invalid
        // bundles, never a valid one.
        if case .invalid = validation, before.invalidUsed >= before.invalidLimit {
            throw APIError(
                .tooManyRequests, code: "invalid_quota_exceeded",
                "too many invalid bundles today (\(before.invalidLimit)); run `arena check` locally before submitting")
        }
        if case .valid(let sha, _, _) = validation,
            let existing = try await store.submissions(teamId: team.id).first(where: {
                $0.sha256 == sha && ["queued", "running", "scored"].contains($0.status)
            })
        {
            Counter(label: "arena_submissions_total", dimensions: [("outcome", "duplicate")]).increment()
            return try ArenaAPI.json(try ArenaAPI.submissionView(existing, quota: before), status: .ok)
        }
        let (sha, runtime): (String, String) =
            switch validation {
            case .valid(let sha, let runtime, _): (sha, runtime)
            case .invalid: (TokenHash.hex(Data(archive)), "unknown")
            }
        let record = try await store.createSubmission(
            teamId: team.id, contestId: team.contestId, sha256: sha,
            runtime: runtime, bundle: Data(archive))
        try await store.transitionSubmission(id: record.id, to: "validating")
        switch validation {
        case .invalid(let code, let report):
            Counter(label: "arena_submissions_total", dimensions: [("outcome", "rejected")]).increment()
            try await store.transitionSubmission(id: record.id, to: "rejected", detail: code, validationReport: report)
            try await store.appendAudit(
                actor: "team:\(team.id)", action: "submission.rejected",
                subject: "submission:\(record.id)", details: ["code": code])
        case .valid(_, _, let report):
            Counter(label: "arena_submissions_total", dimensions: [("outcome", "accepted")]).increment()
            try await store.transitionSubmission(id: record.id, to: "queued", validationReport: report, charged: true)
            try await store.enqueueEvaluation(contestId: team.contestId)
            try await store.appendAudit(
                actor: "team:\(team.id)", action: "submission.accepted",
                subject: "submission:\(record.id)", details: ["sha256": sha])
        }
        guard let stored = try await store.submission(id: record.id) else { throw APIError.notFound("submission") }
        let status: HTTPResponse.Status = stored.status == "rejected" ? .unprocessableContent : .accepted
        return try ArenaAPI.json(
            try ArenaAPI.submissionView(stored, quota: try await quota(team, definition)),
            status: status)
    }

    func contestDefinition(_ contestId: String) async throws -> ContestDefinition {
        guard let contest = try await store.contest(id: contestId) else { throw APIError.notFound("contest") }
        return try ContestDefinition.decode(json: contest.definitionJSON)
    }

    func quota(_ team: TeamRecord, _ definition: ContestDefinition) async throws -> QuotaView {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let dayStart = calendar.startOfDay(for: Date())
        let counts = try await store.quotaCounts(teamId: team.id, since: dayStart)
        return QuotaView(
            used: counts.charged, limit: definition.limits.submissionsPerDay, invalidUsed: counts.invalid,
            invalidLimit: definition.limits.invalidSubmissionsPerDay, inFlight: counts.inFlight,
            inFlightLimit: definition.limits.maxInFlight, resetsAt: dayStart.addingTimeInterval(86_400))
    }

    static func submissionView(
        _ record: SubmissionRecord, quota: QuotaView? = nil,
        selected: Bool = false
    ) throws -> SubmissionView {
        let raw = try JSONDecoder().decode([[String: String]].self, from: Data(record.statusHistoryJSON.utf8))
        let formatter = ISO8601DateFormatter()
        let history = raw.map {
            StatusChange(
                status: $0["status"] ?? "", at: formatter.date(from: $0["at"] ?? "") ?? record.createdAt,
                detail: $0["detail"])
        }
        return SubmissionView(
            id: record.id, teamId: record.teamId, contestId: record.contestId, sha256: record.sha256,
            runtime: record.runtime, status: record.status, statusHistory: history,
            validationReport: record.validationReport, charged: record.charged,
            createdAt: record.createdAt, quota: quota, selected: selected)
    }
}
