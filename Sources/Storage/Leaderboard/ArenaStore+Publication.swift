public import Foundation
import PostgresNIO

extension ArenaStore {
    /// Seals the contest and queues the `publish` job that signs board version 1, or — once a
    /// board exists — queues an amendment (version n + 1, `reason` required). Returns the job id
    /// (an already queued publish job of the contest is returned as is). Throws
    /// `StorageError` `nothingToPublish` (no complete evaluation), `reasonRequired`,
    /// `evaluationInProgress` (a rerun of a sealed run is pending) or `notFound`.
    public func requestPublication(contestId: String, actor: String, reason: String?) async throws -> Int64 {
        try await StorageError.mapping {
            let rows = try await client.query(
                "SELECT arena_request_publication(\(contestId), \(actor), \(reason))", logger: logger)
            for try await id in rows.decode(Int64.self) { return id }
            throw StorageError(.notFound, "contest \(contestId) not found")
        }
    }

    /// A publish job's payload, or nil when the job is not a publish job.
    public func publishJob(jobId: Int64) async throws -> PublishJob? {
        let rows = try await client.query(
            "SELECT payload::text FROM jobs WHERE id = \(jobId) AND kind = 'publish'", logger: logger)
        for try await payload in rows.decode(String?.self) {
            guard let payload else { return nil }
            return try JSONDecoder().decode(PublishJob.self, from: Data(payload.utf8))
        }
        return nil
    }

    /// The status of a job (`queued`, `running`, `done`, `failed`) and its last error.
    public func jobStatus(jobId: Int64) async throws -> (status: String, lastError: String?)? {
        let rows = try await client.query("SELECT status, last_error FROM jobs WHERE id = \(jobId)", logger: logger)
        for try await row in rows.decode((String, String?).self) { return row }
        return nil
    }

    /// Version `version` of the contest's sealed board, or the latest when `version` is nil.
    public func boardVersion(contestId: String, version: Int? = nil) async throws -> BoardVersionRecord? {
        let wanted = version.map(Int32.init)
        let rows = try await client.query(
            """
            SELECT version, evaluation_id, body, sha256, amends_sha256, reason, key_id, leaderboard, created_at
            FROM board_versions WHERE contest_id = \(contestId) AND (\(wanted)::int IS NULL OR version = \(wanted))
            ORDER BY version DESC LIMIT 1
            """, logger: logger)
        for try await row in rows.decode(
            (Int32, Int64, String, String, String?, String?, String, String, Date).self)
        {
            return BoardVersionRecord(
                contestId: contestId, version: Int(row.0), evaluationId: row.1, body: row.2, sha256: row.3,
                amendsSHA256: row.4, reason: row.5, keyId: row.6, leaderboardJSON: row.7, createdAt: row.8)
        }
        return nil
    }

    /// The runs of an evaluation, by id, with what a board snapshot needs.
    public func evaluationRuns(evaluationId: Int64) async throws -> [EvaluationRunRecord] {
        let rows = try await client.query(
            """
            SELECT id, round, heat, seed, seed_public, status, transcript_root, attestation
            FROM runs WHERE evaluation_id = \(evaluationId) ORDER BY id
            """, logger: logger)
        var result: [EvaluationRunRecord] = []
        for try await (id, round, heat, seed, seedPublic, status, root, attestation) in rows.decode(
            (Int64, Int32, Int32, Int64?, Bool, String, String?, String?).self)
        {
            result.append(
                EvaluationRunRecord(
                    id: id, round: Int(round), heat: Int(heat), seed: seed.map { UInt64(bitPattern: $0) },
                    seedPublic: seedPublic, status: status, transcriptRoot: root, attestation: attestation))
        }
        return result
    }

    /// The evaluation's seed material (runner role only; the API role may not read it).
    public func seedMaterial(evaluationId: Int64) async throws -> Data? {
        let rows = try await client.query(
            "SELECT material FROM evaluation_seed_material WHERE evaluation_id = \(evaluationId)", logger: logger)
        for try await material in rows.decode(Data.self) { return material }
        return nil
    }

    /// Seed commitments of a contest's evaluations (all when `evaluationId` is nil), newest first.
    public func evaluationSeeds(contestId: String, evaluationId: Int64? = nil) async throws -> [EvaluationSeedRecord] {
        let rows = try await client.query(
            """
            SELECT id, seed_commitment, seed_document, seed_reveal_document FROM evaluations
            WHERE contest_id = \(contestId) AND (\(evaluationId)::int8 IS NULL OR id = \(evaluationId))
            ORDER BY id DESC
            """, logger: logger)
        var result: [EvaluationSeedRecord] = []
        for try await (id, commitment, document, reveal) in rows.decode((Int64, String?, String?, String?).self) {
            result.append(
                EvaluationSeedRecord(
                    evaluationId: id, contestId: contestId, commitment: commitment, document: document,
                    revealDocument: reveal))
        }
        return result
    }

    /// Stores a signed board version (the database checks the version chain), reveals the sealed
    /// evaluation's private heat seeds and commitment documents, completes the publish job and
    /// appends `board.published` / `board.amended` to the audit log — in one transaction, and only
    /// while this runner holds the job's lease. Returns false when the lease was lost.
    public func storeBoardVersion(_ publication: BoardPublication) async throws -> Bool {
        let sha256 = TokenHash.hex(Data(publication.body.utf8))
        return try await StorageError.mapping {
            try await client.withTransaction(logger: logger) { connection in
                guard
                    try await Self.completeJob(
                        connection, logger: logger, jobId: publication.jobId, owner: publication.owner)
                else { return false }
                try await connection.query(
                    """
                    INSERT INTO board_versions (contest_id, version, evaluation_id, body, sha256, amends_sha256, reason,
                                                key_id, leaderboard)
                    VALUES (\(publication.contestId), \(Int32(publication.version)), \(publication.evaluationId),
                            \(publication.body), \(sha256), \(publication.amendsSHA256), \(publication.reason),
                            \(publication.keyId), \(publication.leaderboardJSON))
                    """, logger: logger)
                for (runId, seed) in publication.revealedSeeds.sorted(by: { $0.key < $1.key }) {
                    try await connection.query(
                        """
                        UPDATE runs SET seed = \(Int64(bitPattern: seed))
                        WHERE id = \(runId) AND evaluation_id = \(publication.evaluationId) AND seed IS NULL
                        """, logger: logger)
                }
                for (evaluationId, document) in publication.revealDocuments.sorted(by: { $0.key < $1.key }) {
                    try await connection.query(
                        """
                        UPDATE evaluations SET seed_reveal_document = \(document)
                        WHERE id = \(evaluationId) AND contest_id = \(publication.contestId)
                          AND seed_reveal_document IS NULL
                        """, logger: logger)
                }
                var details = [
                    "version": "\(publication.version)", "sha256": sha256,
                    "evaluation": "\(publication.evaluationId)", "key_id": publication.keyId,
                    "requested_by": publication.actor,
                ]
                if let amends = publication.amendsSHA256 { details["amends_sha256"] = amends }
                if let reason = publication.reason { details["reason"] = reason }
                try await Self.appendAudit(
                    connection, logger: logger, actor: "runner:\(publication.owner)",
                    action: publication.version == 1 ? "board.published" : "board.amended",
                    subject: "contest:\(publication.contestId)", details: details)
                return true
            }
        }
    }

    /// The frozen snapshot taken by `setFrozen`: rows (JSON objects as text) by rank, the
    /// evaluation and the time of its last update.
    public func frozenRows(contestId: String) async throws -> (rows: [String], evaluationId: Int64?, updatedAt: Date?)?
    {
        let rows = try await client.query(
            """
            SELECT (SELECT coalesce(array_agg(r::text ORDER BY o), '{}') FROM
                        jsonb_array_elements(frozen_board->'rows') WITH ORDINALITY AS x(r, o)),
                   (frozen_board->>'evaluation_id')::int8, (frozen_board->>'updated_at')::timestamptz
            FROM contests WHERE id = \(contestId) AND frozen_board ? 'rows'
            """, logger: logger)
        for try await (json, evaluation, updated) in rows.decode(([String], Int64?, Date?).self) {
            return (json, evaluation, updated)
        }
        return nil
    }
}
