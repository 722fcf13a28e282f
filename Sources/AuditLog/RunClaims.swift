import MarketModel
import Scoring

/// What the contest page publishes about a contest (`GET /v1/contests/{id}`).
public struct PublishedContest: Hashable, Sendable {
    public var id: String
    /// Hash of the public contest definition; every transcript header must carry it.
    public var definitionSHA256: String
    /// The scoring metric (`pnl`, `return_bps`, `sharpe`).
    public var metric: String

    /// Creates the facts.
    public init(id: String, definitionSHA256: String, metric: String) {
        self.id = id
        self.definitionSHA256 = definitionSHA256
        self.metric = metric
    }
}

/// The claims made about one run (which run it is, under which contest, its seed, root and
/// scores on the board), checked against a verified transcript. Each check adds a named entry
/// (`claim_run`, `claim_contest`, `claim_definition`, `claim_board`, `claim_seed`,
/// `claim_members`, `claim_metrics`) to the report; the first failure becomes its divergence.
public struct RunClaims: Sendable {
    /// The run id that was asked for (`arena verify 6`), if any.
    public var requestedRun: String?
    /// The contest that was asked for (`--contest`), if any.
    public var requestedContest: String?
    /// The published contest.
    public var contest: PublishedContest?
    /// The board.
    public var board: BoardClaim?
    /// A seed commitment saved before the runs (`--commitment`).
    public var savedCommitment: SeedCommitment?

    /// Creates the claims.
    public init(
        requestedRun: String? = nil, requestedContest: String? = nil, contest: PublishedContest? = nil,
        board: BoardClaim? = nil, savedCommitment: SeedCommitment? = nil
    ) {
        self.requestedRun = requestedRun
        self.requestedContest = requestedContest
        self.contest = contest
        self.board = board
        self.savedCommitment = savedCommitment
    }

    /// Adds the claim checks to `report` (a report of ``TranscriptVerifier``).
    public func check(_ report: inout VerificationReport) {
        guard let runID = report.runID else {
            for name in ["claim_run", "claim_contest", "claim_definition", "claim_board", "claim_seed"] {
                report.skip(name, because: "transcript unreadable")
            }
            return
        }
        checkIdentity(runID: runID, &report)
        let boardRun = checkBoard(runID: runID, &report)
        checkSeed(boardRun, &report)
        checkMembers(boardRun, &report)
        checkMetrics(boardRun, &report)
    }

    private func checkIdentity(runID: String, _ report: inout VerificationReport) {
        if let requestedRun {
            report.check(
                "claim_run",
                requestedRun == runID
                    ? nil
                    : Divergence(
                        .runMismatch, expected: requestedRun, found: runID,
                        message: "transcript is run \(runID), asked for run \(requestedRun)"),
                detail: "transcript is run \(runID)")
        } else {
            report.skip("claim_run", because: "no run id asked for")
        }
        let contestID = report.contestID ?? ""
        let expectedContest = requestedContest ?? contest?.id ?? board?.contestID
        if let expectedContest {
            report.check(
                "claim_contest",
                expectedContest == contestID
                    ? nil
                    : Divergence(
                        .contestMismatch, expected: expectedContest, found: contestID,
                        message: "transcript is of contest \(contestID), asked for contest \(expectedContest)"),
                detail: "contest \(contestID)")
        } else {
            report.skip("claim_contest", because: "no contest to compare with")
        }
        guard let contest else {
            report.skip("claim_definition", because: "the contest's definition hash is not available")
            return
        }
        let found = report.contestConfigurationHash ?? ""
        var failure: Divergence?
        if found != contest.definitionSHA256 {
            failure = Divergence(
                .definitionMismatch, expected: contest.definitionSHA256, found: found,
                message:
                    "transcript was made under contest configuration \(found.isEmpty ? "(none)" : found), not the published definition \(contest.definitionSHA256)"
            )
        } else if let named = board?.definitionSHA256, named != contest.definitionSHA256 {
            failure = Divergence(
                .boardInvalid, expected: contest.definitionSHA256, found: named,
                message: "the board names definition \(named), the contest publishes \(contest.definitionSHA256)")
        }
        report.check("claim_definition", failure, detail: "definition_sha256 \(contest.definitionSHA256)")
    }

    private func checkBoard(runID: String, _ report: inout VerificationReport) -> BoardClaim.Run? {
        guard let board else {
            report.skip("claim_board", because: "no board to compare with")
            return nil
        }
        guard let number = Int64(runID), let run = board.run(number) else {
            report.skip("claim_board", because: "run \(runID) is not on the board")
            report.warnings.append("run \(runID) is not on the board: its root, seed and scores are not compared")
            return nil
        }
        let source = board.isSigned ? "the signed board" : "the live leaderboard"
        var failure: Divergence?
        if let root = run.transcriptRoot, let found = report.root, root != found {
            failure = Divergence(
                .rootMismatch, expected: root.hex, found: found.hex,
                message: "transcript root \(found.hex) differs from the root of run \(runID) on \(source) (\(root.hex))"
            )
        } else if run.transcriptRoot == nil {
            failure = Divergence(.rootMismatch, message: "\(source) states no transcript root for run \(runID)")
        } else if let digest = run.resultsDigest, let found = report.results?.digest, digest != found {
            failure = Divergence(
                .rootMismatch, expected: digest.hex, found: found.hex,
                message: "the results digest of run \(runID) differs from \(source)'s (\(digest.hex))")
        }
        report.check("claim_board", failure, detail: "root matches run \(runID) on \(source)")
        return run
    }

    private func checkSeed(_ run: BoardClaim.Run?, _ report: inout VerificationReport) {
        guard let seed = report.seed else {
            report.skip("claim_seed", because: "transcript unreadable")
            return
        }
        var failure: Divergence?
        var detail = "seed \(seed)"
        if let stated = run?.seed, stated != seed {
            failure = Divergence(
                .seedMismatch, expected: String(stated), found: String(seed),
                message:
                    "transcript seed \(seed) differs from the board's seed \(stated) for run \(report.runID ?? "?")")
        }
        if failure == nil, let seeds = board?.seeds {
            if !seeds.revealMatches {
                failure = Divergence(
                    .commitmentMismatch, expected: seeds.commitment.hex,
                    found: seeds.material.map { SeedDerivation.commitment(material: $0).hex } ?? "",
                    message: "the revealed seed material does not hash to the commitment \(seeds.commitment.hex)")
            } else if let saved = savedCommitment,
                saved.commitment != seeds.commitment || saved.evaluationID != seeds.evaluationID
                    || saved.contestID != seeds.contestID
            {
                failure = Divergence(
                    .commitmentMismatch, expected: saved.commitment.hex, found: seeds.commitment.hex,
                    message:
                        "the board's seed commitment \(seeds.commitment.hex) (evaluation \(seeds.evaluationID)) is not the one published before the runs (\(saved.commitment.hex), evaluation \(saved.evaluationID))"
                )
            } else if let run, let derived = seeds.heatSeed(round: Int(run.round), heat: Int(run.heat)) {
                if derived != seed {
                    failure = Divergence(
                        .seedMismatch, expected: String(derived), found: String(seed),
                        message:
                            "transcript seed \(seed) is not the seed derived for round \(run.round), heat \(run.heat) (\(derived))"
                    )
                } else {
                    detail += ", derived from the commitment for round \(run.round), heat \(run.heat)"
                }
            } else if run != nil {
                report.warnings.append(
                    "the seed of this run's round is not revealed: it is not checked against the commitment")
            }
        }
        if failure == nil, run?.seed == nil, board?.seeds == nil {
            report.skip("claim_seed", because: "no published seed for this run")
            return
        }
        report.check("claim_seed", failure, detail: detail)
    }

    private func checkMembers(_ run: BoardClaim.Run?, _ report: inout VerificationReport) {
        guard let run, let board else {
            report.skip("claim_members", because: "run not on the board")
            return
        }
        let members = report.members
        var failure: Divergence?
        for team in run.teams {
            guard let member = members.first(where: { $0.teamID == String(team.teamID) }) else {
                failure = Divergence(
                    .memberMismatch, expected: "team \(team.teamID)",
                    found: members.map(\.teamID).joined(separator: ","),
                    message:
                        "the board lists team \(team.teamID) in run \(run.runID); the transcript's heat has teams \(members.map(\.teamID).joined(separator: ", "))"
                )
                break
            }
            if let row = board.row(team: team.teamID), let claimed = row.submissionSHA256,
                claimed != member.submissionHash
            {
                failure = Divergence(
                    .memberMismatch, expected: claimed, found: member.submissionHash,
                    message:
                        "the board says team \(row.team) ran submission \(claimed); run \(run.runID) ran \(member.submissionHash)"
                )
                break
            }
        }
        if failure == nil, !run.teams.isEmpty,
            let extra = members.first(where: { member in !run.teams.contains { String($0.teamID) == member.teamID } })
        {
            failure = Divergence(
                .memberMismatch, expected: run.teams.map { String($0.teamID) }.joined(separator: ","),
                found: extra.teamID,
                message:
                    "the transcript of run \(run.runID) has team \(extra.teamID) (\(extra.label)), which the board omits"
            )
        }
        report.check("claim_members", failure, detail: "\(members.count) team(s) as on the board")
    }

    private func checkMetrics(_ run: BoardClaim.Run?, _ report: inout VerificationReport) {
        guard let run, let board else {
            report.skip("claim_metrics", because: "run not on the board")
            return
        }
        guard !report.equity.isEmpty else {
            report.skip("claim_metrics", because: "equity curves were not recomputed")
            return
        }
        let metricName = board.metric
        guard let metric = RankingMetric(rawValue: metricName) else {
            report.check(
                "claim_metrics",
                Divergence(
                    .boardInvalid, found: metricName, message: "the board ranks by an unknown metric \(metricName)"),
                detail: "")
            return
        }
        if let contest, contest.metric != metricName {
            report.check(
                "claim_metrics",
                Divergence(
                    .boardInvalid, expected: contest.metric, found: metricName,
                    message: "the board ranks by \(metricName), the contest's scoring metric is \(contest.metric)"),
                detail: "")
            return
        }
        var failure: Divergence?
        for team in run.teams {
            guard let equity = report.equity.first(where: { $0.teamID == String(team.teamID) }) else { continue }
            let label = equity.label
            let score = equity.metrics.score(metric)
            if let claimed = team.score, claimed != score {
                failure = Divergence(
                    .metricMismatch, expected: MetricText.format(score, metric),
                    found: MetricText.format(claimed, metric),
                    message:
                        "run \(run.runID), team \(label): the board says \(metricName) \(MetricText.format(claimed, metric)), the replay gives \(MetricText.format(score, metric))"
                )
                break
            }
            let drawdown = equity.metrics.maxDrawdown.units
            if let claimed = team.maxDrawdown, claimed != drawdown {
                failure = Divergence(
                    .metricMismatch, expected: Money(units: drawdown).decimal, found: Money(units: claimed).decimal,
                    message:
                        "run \(run.runID), team \(label): the board says max drawdown \(Money(units: claimed).decimal), the replay gives \(Money(units: drawdown).decimal)"
                )
                break
            }
            let faulted = report.results?.teams.first { $0.teamID == equity.teamID }?.faulted
            if let claimed = team.faulted, let faulted, claimed != faulted {
                failure = Divergence(
                    .metricMismatch, expected: "\(faulted)", found: "\(claimed)",
                    message:
                        "run \(run.runID), team \(label): the board says faulted \(claimed), the transcript \(faulted)")
                break
            }
        }
        report.check(
            "claim_metrics", failure, detail: "\(run.teams.count) team score(s) by \(metricName) match the replay")
    }
}
