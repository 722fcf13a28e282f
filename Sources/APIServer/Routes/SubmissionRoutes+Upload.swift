import APIModels
import BundleKit
import ContestModel
import Foundation
import HTTPTypes
import Hummingbird
import Metrics
import Storage

extension SubmissionRoutes {
    /// Accepts an archive. Before any byte of the body is read, the team's caps are checked and
    /// one upload is reserved atomically (`SubmissionRepository.reserveSubmission`: in flight,
    /// daily quota and the invalid-bundle cap, refused with 429 and the reset instant); then the
    /// body is read within the body timeout, validated on the bounded validation executor (503 +
    /// `Retry-After` when it is full), stored and queued for its validation episode (the
    /// submission stays `validating` until a runner has played it). The reservation is released
    /// whatever happens. Re-submitting identical files returns the existing submission and makes
    /// it the team's active entry again (not charged).
    func submit(_ request: Request, team: TeamRecord) async throws -> Response {
        guard team.disqualifiedAt == nil else {
            throw APIError(.forbidden, code: "disqualified", "the team is disqualified: \(team.disqualifyReason ?? "")")
        }
        // Only while a phase that accepts submissions is open, and never after publication
        // (409 contest_closed with the phase times; the database refuses too).
        let contest = try await contests.existingContest(team.contestId)
        try ContestLifecycle(record: contest).require(.submissions)
        let definition = try ContestDefinition.decode(json: contest.definitionJSON)
        let limits = definition.limits
        let dayStart = Self.quotaDayStart(Date())
        let caps = SubmissionCaps(
            perDay: limits.submissionsPerDay, maxInFlight: limits.maxInFlight,
            invalidPerDay: limits.invalidSubmissionsPerDay)
        let reservation = try await submissions.reserveSubmission(
            teamId: team.id, caps: caps, since: dayStart, ttlSeconds: upload.reservationSeconds)
        guard case .reserved(let reservationId, _) = reservation else {
            if case .refused(let refusal, let counts) = reservation {
                throw Self.quotaRefusal(
                    refusal, counts: counts, caps: caps, resetsAt: dayStart.addingTimeInterval(86_400))
            }
            throw APIError(.internalServerError, code: "internal", "no quota decision")
        }
        let submissions = self.submissions
        do {
            let response = try await receive(request, team: team, definition: definition)
            try await submissions.releaseReservation(id: reservationId)
            return response
        } catch {
            // Not in the request's task: a cancelled request (client gone) still releases.
            await Task { try? await submissions.releaseReservation(id: reservationId) }.value
            throw error
        }
    }

    /// Reads, validates, stores and queues one reserved upload.
    private func receive(_ request: Request, team: TeamRecord, definition: ContestDefinition) async throws -> Response {
        let archive: [UInt8]
        do {
            archive = Array(
                buffer: try await request.readBody(
                    upTo: definition.maxBundleArchiveBytes, timeout: upload.bodyTimeout))
        } catch Request.BodyReadError.tooLarge {
            throw APIError(
                .contentTooLarge, code: "bundle_too_large",
                "bundle archives may be at most \(definition.maxBundleArchiveBytes) bytes")
        } catch Request.BodyReadError.timedOut {
            throw APIError.bodyTimeout(upload.bodyTimeout)
        }
        let validator = self.validator
        let validation: BundleValidation
        do {
            validation = try await upload.executor.run { validator.validate(archive: archive, contest: definition) }
        } catch is ValidationExecutor.Busy {
            Counter(label: "arena_rate_limited_total", dimensions: [("layer", "validation")]).increment()
            throw APIError(
                .serviceUnavailable, code: "validation_busy",
                "every bundle validator is busy; retry shortly (nothing was charged)", headers: [.retryAfter: "5"])
        }
        if case .valid(let sha, _, _) = validation,
            let existing = try await submissions.submissions(teamId: team.id).first(where: {
                $0.sha256 == sha && Self.reusableStatuses.contains($0.status)
            })
        {
            return try await resubmitted(existing, team: team, definition: definition)
        }
        let (sha, runtime): (String, String) =
            switch validation {
            case .valid(let sha, let runtime, _): (sha, runtime)
            case .invalid: (TokenHash.hex(Data(archive)), "unknown")
            }
        // Stored with its verdict in one transaction: a rejection, or (counted against the quota
        // now, released if the validation episode rejects it) the episode's job.
        let verdict: SubmissionVerdict =
            switch validation {
            case .invalid(let code, let report): .rejected(code: code, report: report)
            case .valid(_, _, let report): .accepted(report: report)
            }
        let id = try await submissions.intakeSubmission(
            teamId: team.id, contestId: team.contestId, sha256: sha, runtime: runtime, bundle: Data(archive),
            verdict: verdict)
        switch verdict {
        case .rejected(let code, _):
            Counter(label: "arena_submissions_total", dimensions: [("outcome", "rejected")]).increment()
            try await audit.appendAudit(
                actor: "team:\(team.id)", action: "submission.rejected", subject: "submission:\(id)",
                details: ["code": code])
        case .accepted:
            Counter(label: "arena_submissions_total", dimensions: [("outcome", "accepted")]).increment()
            try await audit.appendAudit(
                actor: "team:\(team.id)", action: "submission.accepted", subject: "submission:\(id)",
                details: ["sha256": sha])
        }
        guard let stored = try await submissions.submission(id: id) else {
            throw APIError.notFound("submission")
        }
        let status: HTTPResponse.Status = stored.status == "rejected" ? .unprocessableContent : .accepted
        return try Response.json(
            try SubmissionView(record: stored, quota: try await submissions.quota(team, definition)), status: status)
    }

    /// The start of the quota day containing `now` (UTC midnight).
    static func quotaDayStart(_ now: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.startOfDay(for: now)
    }

    /// `429` for a cap that refused a reservation, with `Retry-After` and the reset instant
    /// (`X-Quota-Resets-At`, also in the message).
    static func quotaRefusal(
        _ refusal: SubmissionReservation.Refusal, counts: SubmissionReservation.Counts, caps: SubmissionCaps,
        resetsAt: Date
    ) -> APIError {
        let reset = ISO8601DateFormatter().string(from: resetsAt)
        let untilReset = max(1, Int(resetsAt.timeIntervalSinceNow.rounded(.up)))
        let message: String
        let retry: Int
        switch refusal {
        case .tooManyInFlight:
            message =
                "\(caps.maxInFlight) submissions are already uploading or being evaluated; wait for one to finish (the daily quota resets at \(reset))"
            retry = min(30, untilReset)
        case .quotaExceeded:
            message = "daily quota of \(caps.perDay) submissions used; it resets at \(reset)"
            retry = untilReset
        case .invalidQuotaExceeded:
            message =
                "too many invalid bundles today (\(caps.invalidPerDay)); uploads are refused until \(reset); run `arena check` locally before submitting"
            retry = untilReset
        }
        Counter(label: "arena_quota_refusals_total", dimensions: [("code", refusal.rawValue)]).increment()
        return APIError(
            .tooManyRequests, code: refusal.rawValue, message,
            headers: [.retryAfter: "\(retry)", APIError.quotaResetsAt: reset])
    }
}
