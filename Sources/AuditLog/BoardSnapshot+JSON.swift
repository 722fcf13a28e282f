extension BoardSnapshot {
    /// The canonical JSON value (every key present, `null` for absent values).
    public var json: CanonicalJSON {
        func decimal(_ value: Int64?) -> CanonicalJSON { value.map { .string(String($0)) } ?? .null }
        return .object([
            "amends": amends.map {
                .object(["sha256": .string($0.sha256.hex), "version": .integer($0.version)])
            } ?? .null,
            "contest_id": .string(contestID),
            "definition_sha256": .string(definitionSHA256),
            "evaluation_id": .integer(evaluationID),
            "published_at": .string(publishedAt),
            "reason": reason.map { .string($0) } ?? .null,
            "rows": .array(
                rows.map { row in
                    .object([
                        "max_drawdown": decimal(row.maxDrawdown), "rank": .integer(row.rank),
                        "runs": .array(row.runs.map { .integer($0) }), "score": decimal(row.score),
                        "score_ci95": decimal(row.scoreCI95), "status": .string(row.status),
                        "submission_id": .integer(row.submissionID),
                        "submission_sha256": .string(row.submissionSHA256), "team": .string(row.team),
                        "team_id": .integer(row.teamID),
                    ])
                }),
            "runs": .array(
                runs.map { run in
                    .object([
                        "heat": .integer(run.heat), "results_digest": .string(run.resultsDigest.hex),
                        "round": .integer(run.round), "run_id": .integer(run.runID), "seed": .string(String(run.seed)),
                        "teams": .array(
                            run.teams.map {
                                .object([
                                    "faulted": .bool($0.faulted), "max_drawdown": decimal($0.maxDrawdown),
                                    "score": decimal($0.score), "team_id": .integer($0.teamID),
                                ])
                            }),
                        "transcript_root": .string(run.transcriptRoot.hex),
                    ])
                }),
            "scoring": .object([
                "metric": .string(scoring.metric), "tie_breaks": .array(scoring.tieBreaks.map { .string($0) }),
            ]),
            "seeds": seeds.json,
            "state": .string(state),
            "version": .integer(version),
        ])
    }

    /// The canonical bytes (what the board signature covers, after ``SignedBoard/context``).
    public func canonicalJSON() -> [UInt8] { json.encoded() }

    /// Reads a snapshot value with exactly the documented fields.
    public init(json value: CanonicalJSON) throws(TranscriptError) {
        let fields = try CanonicalFields(
            value,
            keys: [
                "amends", "contest_id", "definition_sha256", "evaluation_id", "published_at", "reason", "rows", "runs",
                "scoring", "seeds", "state", "version",
            ], context: "board snapshot")
        version = try fields.integer("version")
        if fields.isNull("amends") {
            amends = nil
        } else {
            let link = try CanonicalFields(fields.value("amends"), keys: ["sha256", "version"], context: "amends")
            amends = Amends(sha256: try link.hash("sha256"), version: try link.integer("version"))
        }
        reason = try fields.optionalString("reason")
        contestID = try fields.string("contest_id")
        definitionSHA256 = try fields.string("definition_sha256")
        evaluationID = try fields.integer("evaluation_id")
        publishedAt = try fields.string("published_at")
        state = try fields.string("state")
        let rule = try CanonicalFields(fields.value("scoring"), keys: ["metric", "tie_breaks"], context: "scoring")
        var tieBreaks: [String] = []
        for item in try rule.array("tie_breaks") {
            guard case .string(let text) = item else { throw rule.wrong("tie_breaks", "a list of strings") }
            tieBreaks.append(text)
        }
        scoring = Scoring(metric: try rule.string("metric"), tieBreaks: tieBreaks)
        seeds = try SeedCommitment(json: fields.value("seeds"))
        rows = try fields.array("rows").map { item throws(TranscriptError) in try Self.row(item) }
        runs = try fields.array("runs").map { item throws(TranscriptError) in try Self.run(item) }
    }

    private static func row(_ item: CanonicalJSON) throws(TranscriptError) -> Row {
        let row = try CanonicalFields(
            item,
            keys: [
                "max_drawdown", "rank", "runs", "score", "score_ci95", "status", "submission_id", "submission_sha256",
                "team", "team_id",
            ], context: "board row")
        var runs: [Int64] = []
        for id in try row.array("runs") {
            guard case .integer(let number) = id else { throw row.wrong("runs", "a list of run ids") }
            runs.append(number)
        }
        return Row(
            rank: try row.integer("rank"), teamID: try row.integer("team_id"), team: try row.string("team"),
            status: try row.string("status"), score: try row.optionalDecimalInt64("score"),
            scoreCI95: try row.optionalDecimalInt64("score_ci95"), maxDrawdown: try row.decimalInt64("max_drawdown"),
            submissionID: try row.integer("submission_id"), submissionSHA256: try row.string("submission_sha256"),
            runs: runs)
    }

    private static func run(_ item: CanonicalJSON) throws(TranscriptError) -> Run {
        let run = try CanonicalFields(
            item, keys: ["heat", "results_digest", "round", "run_id", "seed", "teams", "transcript_root"],
            context: "board run")
        var teams: [RunTeam] = []
        for entry in try run.array("teams") {
            let team = try CanonicalFields(
                entry, keys: ["faulted", "max_drawdown", "score", "team_id"], context: "board run team")
            teams.append(
                RunTeam(
                    teamID: try team.integer("team_id"), score: try team.decimalInt64("score"),
                    maxDrawdown: try team.decimalInt64("max_drawdown"), faulted: try team.bool("faulted")))
        }
        return Run(
            runID: try run.integer("run_id"), round: try run.integer("round"), heat: try run.integer("heat"),
            seed: try run.decimalUInt64("seed"), transcriptRoot: try run.hash("transcript_root"),
            resultsDigest: try run.hash("results_digest"), teams: teams)
    }
}
