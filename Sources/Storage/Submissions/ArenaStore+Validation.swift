public import Foundation
import PostgresNIO

extension ArenaStore {
    /// A submission waiting for its validation episode, as a `validate` job names it.
    public struct ValidationSubject: Sendable, Equatable {
        public var submission: SubmissionRecord
        public var teamName: String
        public var bundle: Data
    }

    /// How a validation episode ended, as the runner commits it.
    public struct ValidationOutcome: Sendable, Equatable {
        /// The bot passed: the submission is queued for ranking and becomes the team's entry.
        public var passed: Bool
        /// `passed` or why not (a fault code, `no_activity`).
        public var code: String
        /// The status-history detail: one line for the team.
        public var detail: String
        /// Appended to the submission's validation report (the episode's report and log tail).
        public var report: String

        public init(passed: Bool, code: String, detail: String, report: String) {
            self.passed = passed
            self.code = code
            self.detail = detail
            self.report = report
        }
    }

    /// The submission (with its team's name and bundle) a `validate` job names, or nil when the
    /// job names none.
    public func validationSubject(jobId: Int64) async throws -> ValidationSubject? {
        let rows = try await client.query(
            """
            SELECT s.id, s.team_id, s.contest_id, s.sha256, s.runtime, s.status, s.status_history::text,
                   s.validation_report, s.charged, s.created_at, t.name, s.bundle
            FROM jobs j JOIN submissions s ON s.id = j.submission_id JOIN teams t ON t.id = s.team_id
            WHERE j.id = \(jobId) AND j.kind = 'validate'
            """, logger: logger)
        for try await row in rows.decode(
            (Int64, Int64, String, String, String, String, String, String?, Bool, Date, String, Data).self)
        {
            let record = SubmissionRecord(
                id: row.0, teamId: row.1, contestId: row.2, sha256: row.3, runtime: row.4, status: row.5,
                statusHistoryJSON: row.6, validationReport: row.7, charged: row.8, createdAt: row.9)
            return ValidationSubject(submission: record, teamName: row.10, bundle: row.11)
        }
        return nil
    }

    /// Commits a validation episode in one transaction, if this runner still holds the job's
    /// lease (false otherwise; nothing changes): a pass moves the submission to `queued`, makes
    /// it the team's active entry and queues an evaluation; a rejection moves it to `rejected`
    /// and releases its quota charge. A submission no longer `validating` is left alone.
    @discardableResult
    public func finishValidation(jobId: Int64, owner: String, submissionId: Int64, outcome: ValidationOutcome)
        async throws -> Bool
    {
        try await client.withTransaction(logger: logger) { connection in
            guard try await Self.completeJob(connection, logger: logger, jobId: jobId, owner: owner) else {
                return false
            }
            let rows = try await connection.query(
                "SELECT status, contest_id, team_id FROM submissions WHERE id = \(submissionId) FOR UPDATE",
                logger: logger)
            var current: (status: String, contest: String, team: Int64)?
            for try await row in rows.decode((String, String, Int64).self) { current = row }
            guard let current, current.status == "validating" else { return true }
            let entry = try Self.historyEntry(status: outcome.passed ? "queued" : "rejected", detail: outcome.detail)
            let status = outcome.passed ? "queued" : "rejected"
            try await connection.query(
                """
                UPDATE submissions SET status = \(status), status_history = status_history || \(entry)::jsonb,
                    validation_report = coalesce(validation_report || E'\\n', '') || \(outcome.report),
                    charged = charged AND \(outcome.passed),
                    activated_at = CASE WHEN \(outcome.passed) THEN clock_timestamp() ELSE activated_at END,
                    updated_at = now()
                WHERE id = \(submissionId)
                """, logger: logger)
            try await Self.appendAudit(
                connection, logger: logger, actor: "system",
                action: outcome.passed ? "submission.validated" : "submission.rejected",
                subject: "submission:\(submissionId)", details: ["code": outcome.code])
            if outcome.passed {
                try await Self.enqueueEvaluation(connection, logger: logger, contestId: current.contest)
            }
            return true
        }
    }

    /// A validation that could not run for a platform reason, for good (its job failed every
    /// attempt): the submission `failed`, not charged. It never became the team's entry.
    public func failValidationPermanently(submissionId: Int64, reason: String) async throws {
        try await client.withTransaction(logger: logger) { connection in
            guard try await Self.currentStatus(connection, logger: logger, submissionId: submissionId) == "validating"
            else { return }
            try await Self.transition(
                connection, logger: logger, id: submissionId, to: "failed",
                detail: "platform failure during validation, not charged: \(reason)", charged: false)
            try await Self.appendAudit(
                connection, logger: logger, actor: "system", action: "submission.validation_failed",
                subject: "submission:\(submissionId)", details: ["reason": reason])
        }
    }

    /// `enqueueEvaluation(contestId:)` inside a caller's transaction.
    static func enqueueEvaluation(_ connection: PostgresConnection, logger: Logger, contestId: String) async throws {
        _ = try await connection.query(
            "SELECT pg_advisory_xact_lock(727274002, hashtext(\(contestId)))", logger: logger)
        let existing = try await connection.query(
            "SELECT id FROM jobs WHERE kind = 'evaluate' AND contest_id = \(contestId) AND status = 'queued' LIMIT 1",
            logger: logger)
        for try await _ in existing.decode(Int64.self) { return }
        try await connection.query(
            "INSERT INTO jobs (kind, contest_id, status) VALUES ('evaluate', \(contestId), 'queued')", logger: logger)
    }
}

extension ArenaStore {
    /// `failValidationPermanently(submissionId:reason:)` for the submission a `validate` job names.
    public func failValidationPermanently(jobId: Int64, reason: String) async throws {
        let rows = try await client.query(
            "SELECT submission_id FROM jobs WHERE id = \(jobId) AND kind = 'validate'", logger: logger)
        var submission: Int64?
        for try await id in rows.decode(Int64?.self) { submission = id }
        guard let submission else { return }
        try await failValidationPermanently(submissionId: submission, reason: reason)
    }
}
