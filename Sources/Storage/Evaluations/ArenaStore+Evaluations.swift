import Foundation
import PostgresNIO

extension ArenaStore {
    /// Each non-disqualified team's selected submission (final selection), else its active entry
    /// (`activeSubmissionId`), among those that passed validation and did not fail.
    public func eligibleEntries(contestId: String) async throws -> [EligibleEntry] {
        let rows = try await client.query(
            """
            SELECT DISTINCT ON (t.id) t.id, t.name, s.id
            FROM teams t JOIN submissions s ON s.team_id = t.id
            WHERE t.contest_id = \(contestId) AND t.disqualified_at IS NULL
              AND s.status IN ('queued', 'running', 'scored', 'superseded')
            ORDER BY t.id, (s.selected_at IS NOT NULL) DESC, s.activated_at DESC NULLS LAST, s.id DESC
            """, logger: logger)
        var result: [EligibleEntry] = []
        for try await (team, name, submission) in rows.decode((Int64, String, Int64).self) {
            result.append(EligibleEntry(teamId: team, teamName: name, submissionId: submission))
        }
        return result
    }

    /// Creates the evaluation with its seed commitment, stores the seed material (which the API
    /// role cannot read), then its runs and run jobs, moves the included submissions to `running`
    /// (older queued ones of the same teams to `superseded`), and completes the evaluate job — all
    /// in one transaction, so the commitment exists before any run does. Private-round runs are
    /// stored without a seed (the runner derives it from the material; publication reveals it).
    /// Returns the evaluation id, or nil if the lease was lost; a published contest refuses
    /// (`StorageError.contestClosed`). `definition` is the contest definition the plan was made
    /// with (as read, and its SHA-256): stored once with the evaluation, and what its runs execute
    /// (``evaluationDefinition(evaluationId:)``), whatever the contest says later.
    public func createEvaluation(
        jobId: Int64, owner: String, contestId: String, seeds: EvaluationSeeds, plan: [PlannedRun],
        definition: PlannedDefinition? = nil
    ) async throws -> Int64? {
        try await StorageError.mapping {
            try await client.withTransaction(logger: logger) { connection in
                guard try await Self.completeJob(connection, logger: logger, jobId: jobId, owner: owner) else {
                    return nil
                }
                return try await Self.insertEvaluation(
                    connection, logger: logger, contestId: contestId, seeds: seeds, plan: plan,
                    definition: definition)
            }
        }
    }

    /// As `createEvaluation(jobId:owner:contestId:seeds:plan:)` with freshly drawn material and no
    /// commitment document (callers that do not derive seeds from the material themselves).
    public func createEvaluation(jobId: Int64, owner: String, contestId: String, plan: [PlannedRun]) async throws
        -> Int64?
    {
        try await createEvaluation(
            jobId: jobId, owner: owner, contestId: contestId, seeds: EvaluationSeeds.draw(document: nil), plan: plan)
    }

    private static func insertEvaluation(
        _ connection: PostgresConnection, logger: Logger, contestId: String, seeds: EvaluationSeeds,
        plan: [PlannedRun], definition: PlannedDefinition?
    ) async throws -> Int64 {
        // The id comes first (the commitment document names it), then the row with its commitment.
        let idRows = try await connection.query("SELECT nextval('evaluations_id_seq')", logger: logger)
        var evaluationId: Int64 = 0
        for try await id in idRows.decode(Int64.self) { evaluationId = id }
        let document = seeds.document?(evaluationId)
        try await connection.query(
            """
            INSERT INTO evaluations (id, contest_id, status, runs_total, completed_at, seed_commitment, seed_document,
                                     definition_json, definition_sha256)
            VALUES (\(evaluationId), \(contestId), \(plan.isEmpty ? "complete" : "running"), \(plan.count),
                    CASE WHEN \(plan.isEmpty) THEN now() END, \(seeds.commitment), \(document),
                    \(definition?.json), \(definition?.sha256))
            """, logger: logger)
        try await connection.query(
            "INSERT INTO evaluation_seed_material (evaluation_id, material) VALUES (\(evaluationId), \(seeds.material))",
            logger: logger)
        var submissionIds = Set<Int64>()
        for run in plan {
            let seed: Int64? = run.seedPublic ? Int64(bitPattern: run.seed) : nil
            let runRows = try await connection.query(
                """
                INSERT INTO runs (evaluation_id, contest_id, round, heat, seed, seed_public, status)
                VALUES (\(evaluationId), \(contestId), \(run.round), \(run.heat), \(seed),
                        \(run.seedPublic), 'queued') RETURNING id
                """, logger: logger)
            var runId: Int64 = 0
            for try await id in runRows.decode(Int64.self) { runId = id }
            for entry in run.entries {
                submissionIds.insert(entry.submissionId)
                try await connection.query(
                    """
                    INSERT INTO run_entries (run_id, team_id, submission_id, slot)
                    VALUES (\(runId), \(entry.teamId), \(entry.submissionId), \(entry.slot))
                    """, logger: logger)
            }
            try await connection.query(
                """
                INSERT INTO jobs (kind, contest_id, evaluation_id, run_id, status)
                VALUES ('run', \(contestId), \(evaluationId), \(runId), 'queued')
                """, logger: logger)
        }
        for id in submissionIds.sorted() {
            try await connection.query(
                """
                UPDATE submissions SET status = 'superseded', updated_at = now(),
                    status_history = status_history || jsonb_build_array(jsonb_build_object(
                        'status', 'superseded', 'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                        'detail', CASE WHEN id < \(id) THEN 'a newer submission of the team was evaluated'
                                       WHEN (SELECT selected_at FROM submissions WHERE id = \(id)) IS NOT NULL
                                       THEN 'the team selected another submission for evaluation'
                                       ELSE 'the team chose another submission as its entry' END))
                WHERE team_id = (SELECT team_id FROM submissions WHERE id = \(id)) AND id <> \(id) AND status = 'queued'
                """, logger: logger)
            let status = try await Self.currentStatus(connection, logger: logger, submissionId: id)
            if status == "queued" || status == "superseded" {
                try await Self.transition(
                    connection, logger: logger, id: id, to: "running",
                    detail: "evaluation \(evaluationId)")
            }
        }
        return evaluationId
    }

    static func currentStatus(_ connection: PostgresConnection, logger: Logger, submissionId: Int64) async throws
        -> String?
    {
        let rows = try await connection.query(
            "SELECT status FROM submissions WHERE id = \(submissionId)", logger: logger)
        for try await status in rows.decode(String.self) { return status }
        return nil
    }

    /// A run by id.
    public func run(id: Int64) async throws -> RunRecord? {
        let rows = try await client.query(
            """
            SELECT id, evaluation_id, contest_id, round, heat, seed, seed_public, status, transcript_root
            FROM runs WHERE id = \(id)
            """, logger: logger)
        for try await (rid, evaluation, contest, round, heat, seed, seedPublic, status, root) in rows.decode(
            (Int64, Int64, String, Int32, Int32, Int64?, Bool, String, String?).self)
        {
            return RunRecord(
                id: rid, evaluationId: evaluation, contestId: contest, round: Int(round), heat: Int(heat),
                seed: UInt64(bitPattern: seed ?? 0), seedPublic: seedPublic, status: status,
                transcriptRoot: root)
        }
        return nil
    }

    /// The teams of a run with their bundles, by slot.
    public func runEntries(runId: Int64) async throws -> [RunEntryRecord] {
        let rows = try await client.query(
            """
            SELECT e.team_id, t.name, e.submission_id, e.slot, s.runtime, s.sha256, s.bundle
            FROM run_entries e JOIN teams t ON t.id = e.team_id JOIN submissions s ON s.id = e.submission_id
            WHERE e.run_id = \(runId) ORDER BY e.slot
            """, logger: logger)
        var result: [RunEntryRecord] = []
        for try await (team, name, submission, slot, runtime, sha, bundle) in rows.decode(
            (Int64, String, Int64, Int32, String, String, Data).self)
        {
            result.append(
                RunEntryRecord(
                    teamId: team, teamName: name, submissionId: submission, slot: Int(slot),
                    runtime: runtime, sha256: sha, bundle: bundle))
        }
        return result
    }

    /// Marks a run as started by a runner (a complete run being rerun keeps `complete` until the
    /// new attempt commits).
    public func markRunStarted(runId: Int64) async throws {
        try await client.query(
            """
            UPDATE runs SET status = CASE WHEN status = 'complete' THEN status ELSE 'running' END,
                started_at = coalesce(started_at, now())
            WHERE id = \(runId)
            """,
            logger: logger)
    }
}
