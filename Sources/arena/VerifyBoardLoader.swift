import APIModels
import AuditLog
import Foundation
import MarketModel

/// Reads what a server (or a saved directory) publishes about a contest, for the claim checks:
/// the contest's public facts and its board — the signed snapshot when there is one (checked:
/// canonical bytes, trusted signature, amendment chain), else the unsigned live leaderboard.
struct VerifyBoardLoader {
    let artifacts: VerifyArtifacts
    let trusted: [PublicKeyInfo]
    let pinned: Bool

    /// The board and what went wrong reading it.
    struct Loaded {
        var board: BoardClaim?
        /// A reason the board cannot be trusted (first problem found).
        var failure: Divergence?
        var warnings: [String] = []
        /// A one-line description of the board's source.
        var detail = ""
    }

    /// The published contest, or `nil` when the source does not have it.
    func contest(_ id: String) async throws -> PublishedContest? {
        guard let bytes = try await artifacts.contest(id) else { return nil }
        let view: ContestView
        do {
            view = try APIJSON.decoder().decode(ContestView.self, from: Data(bytes))
        } catch {
            throw VerifyArtifacts.Failure(description: "the contest document of \(id) does not parse: \(error)")
        }
        return PublishedContest(id: view.id, definitionSHA256: view.definitionSha256, metric: view.metric)
    }

    /// The board of `contestID`, checked against `contest`.
    func board(_ contestID: String, contest: PublishedContest?) async throws -> Loaded {
        if let bytes = try await artifacts.board(contestID) {
            return try await signed(bytes, contestID: contestID, contest: contest)
        }
        guard let bytes = try await artifacts.leaderboard(contestID) else {
            return Loaded(warnings: ["no board published for contest \(contestID): roots and scores are not compared"])
        }
        var loaded = Loaded()
        loaded.warnings.append(
            "no signed board snapshot: comparing with the unsigned live leaderboard (the server can still change it)")
        do {
            let view = try APIJSON.decoder().decode(LeaderboardView.self, from: Data(bytes))
            let (board, failure) = Self.claim(view)
            loaded.board = board
            loaded.failure = failure
            loaded.detail =
                "unsigned live leaderboard (\(view.state), evaluation \(view.evaluationId.map(String.init) ?? "-"))"
        } catch {
            loaded.failure = Divergence(.boardInvalid, message: "the leaderboard does not parse: \(error)")
        }
        return loaded
    }

    private func signed(_ bytes: [UInt8], contestID: String, contest: PublishedContest?) async throws -> Loaded {
        var loaded = Loaded()
        let board: SignedBoard
        do {
            board = try SignedBoard.decode(canonical: bytes)
        } catch {
            loaded.failure = Divergence(.boardInvalid, message: error.message)
            return loaded
        }
        let snapshot = board.snapshot
        loaded.board = BoardClaim(board)
        loaded.detail =
            "signed board version \(snapshot.version) by key \(board.keyID), evaluation \(snapshot.evaluationID)"
        if let failure = board.signatureFailure(trusted: trusted, pinned: pinned) {
            loaded.failure = failure
        } else if snapshot.contestID != contestID {
            loaded.failure = Divergence(
                .boardInvalid, expected: contestID, found: snapshot.contestID,
                message: "the board is of contest \(snapshot.contestID), asked for contest \(contestID)")
        } else if snapshot.seeds.contestID != contestID || snapshot.seeds.evaluationID != snapshot.evaluationID {
            loaded.failure = Divergence(
                .boardInvalid, message: "the board's seed commitment names another contest or evaluation")
        } else if snapshot.state != "final" {
            loaded.failure = Divergence(
                .boardInvalid, found: snapshot.state, message: "the board's state is \(snapshot.state), not final")
        } else if snapshot.amends == nil, snapshot.version != 1 || snapshot.reason != nil {
            loaded.failure = Divergence(
                .boardInvalid, message: "board version \(snapshot.version) names no previous version")
        } else {
            loaded.failure = try await chain(board, contestID: contestID, detail: &loaded.detail)
        }
        return loaded
    }

    /// Follows `amends` links back to version 1: each previous version must hash to the link,
    /// be canonical and be signed by a trusted key.
    private func chain(_ latest: SignedBoard, contestID: String, detail: inout String) async throws -> Divergence? {
        var current = latest
        var reasons: [String] = []
        while let link = current.snapshot.amends {
            reasons.append("v\(current.snapshot.version): \(current.snapshot.reason ?? "")")
            guard let previous = try await artifacts.boardVersion(contestID, version: link.version) else {
                return Divergence(
                    .boardInvalid,
                    message:
                        "board version \(link.version), which version \(current.snapshot.version) amends, is not available"
                )
            }
            if let failure = current.amendmentFailure(previous: previous) { return failure }
            let board: SignedBoard
            do {
                board = try SignedBoard.decode(canonical: previous)
            } catch {
                return Divergence(.boardInvalid, message: "board version \(link.version): \(error.message)")
            }
            if let failure = board.signatureFailure(trusted: trusted, pinned: pinned) { return failure }
            current = board
        }
        if !reasons.isEmpty { detail += "; amends " + reasons.reversed().joined(separator: "; ") }
        return nil
    }

    /// The claim of a live leaderboard: rows as listed, runs gathered from the rows' provenance.
    static func claim(_ view: LeaderboardView) -> (BoardClaim, Divergence?) {
        var failure: Divergence?
        func units(_ text: String?, _ what: String) -> Int64? {
            guard let text else { return nil }
            guard let money = Money(decimal: text) else {
                failure =
                    failure
                    ?? Divergence(.boardInvalid, found: text, message: "the board's \(what) \(text) is not a number")
                return nil
            }
            return money.units
        }
        var runs: [Int64: BoardClaim.Run] = [:]
        var rows: [BoardClaim.Row] = []
        for row in view.rows {
            rows.append(
                BoardClaim.Row(
                    rank: Int64(row.rank), teamID: row.teamId, team: row.team, status: row.status,
                    score: units(row.score, "score of \(row.team)"),
                    scoreCI95: units(row.scoreCi95, "interval of \(row.team)"),
                    maxDrawdown: units(row.maxDrawdown, "max drawdown of \(row.team)"), submissionID: row.submissionId,
                    submissionSHA256: row.submissionSha256, runIDs: row.runs.map(\.runId).sorted()))
            for provenance in row.runs {
                let seed = provenance.seed.flatMap { UInt64($0) }
                let root = provenance.transcriptRoot.flatMap { Hash256(hex: $0) }
                let team = BoardClaim.Team(
                    teamID: row.teamId,
                    score: units(provenance.score, "score of \(row.team) in run \(provenance.runId)"),
                    maxDrawdown: nil, faulted: nil)
                if var run = runs[provenance.runId] {
                    if run.round != Int64(provenance.round) || run.heat != Int64(provenance.heat) || run.seed != seed
                        || run.transcriptRoot != root
                    {
                        failure =
                            failure
                            ?? Divergence(
                                .boardInvalid,
                                message:
                                    "the board states run \(provenance.runId) differently in two rows (round, heat, seed or root)"
                            )
                    }
                    run.teams.append(team)
                    runs[provenance.runId] = run
                } else {
                    runs[provenance.runId] = BoardClaim.Run(
                        runID: provenance.runId, round: Int64(provenance.round), heat: Int64(provenance.heat),
                        seed: seed,
                        transcriptRoot: root, resultsDigest: nil, teams: [team])
                }
            }
        }
        let claim = BoardClaim(
            origin: .liveLeaderboard, contestID: view.contestId, definitionSHA256: nil, evaluationID: view.evaluationId,
            metric: view.metric, seeds: nil, rows: rows, runs: runs.keys.sorted().compactMap { runs[$0] })
        return (claim, failure)
    }
}
