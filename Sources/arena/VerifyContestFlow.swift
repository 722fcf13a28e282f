import AuditLog
import Foundation
import Scoring

/// `arena verify --contest ID`: the board, every run on it, then the ranks recomputed from the
/// verified results, then the integrity report recomputed from the verified transcripts and
/// compared byte for byte with the published one (`VerifyIntegrityCheck`).
struct VerifyContestFlow {
    let artifacts: VerifyArtifacts
    let pinning: KeyPinning
    let options: VerifyFlowOptions

    /// The outcome, as printed with `--json`.
    struct Report: Encodable {
        /// One named check (`board`, `run N`, `ranks`).
        struct Check: Encodable {
            var name: String
            var passed: Bool?
            var detail: String
            var divergence: Divergence?
        }

        var verified: Bool { divergence == nil }
        var contestID: String
        var signed: Bool
        var divergence: Divergence?
        /// Where the first failure is (`board`, `run 12`, `ranks`).
        var failedAt: String?
        var checks: [Check] = []
        var warnings: [String] = []
        var runs: [VerificationReport] = []

        enum CodingKeys: String, CodingKey {
            case verified, signed, divergence, checks, warnings, runs
            case contestID = "contest_id"
            case failedAt = "failed_at"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(verified, forKey: .verified)
            try container.encode(contestID, forKey: .contestID)
            try container.encode(signed, forKey: .signed)
            try container.encodeIfPresent(divergence, forKey: .divergence)
            try container.encodeIfPresent(failedAt, forKey: .failedAt)
            try container.encode(checks, forKey: .checks)
            try container.encode(warnings, forKey: .warnings)
            try container.encode(runs, forKey: .runs)
        }

        mutating func record(_ name: String, _ failure: Divergence?, detail: String) {
            checks.append(
                Check(name: name, passed: failure == nil, detail: failure?.message ?? detail, divergence: failure))
            if let failure, divergence == nil {
                divergence = failure
                failedAt = name
            }
        }

        mutating func skip(_ name: String, because reason: String) {
            checks.append(Check(name: name, passed: nil, detail: reason, divergence: nil))
        }
    }

    func verify(contest id: String) async throws -> Bool {
        let keys = try await VerifyKeys.resolve(artifacts, pinning)
        let loader = VerifyBoardLoader(artifacts: artifacts, trusted: keys.trusted, pinned: keys.pinned)
        guard let contest = try await loader.contest(id) else {
            throw VerifyArtifacts.Failure(description: "contest \(id) is not published by \(artifacts.name)")
        }
        let loaded = try await loader.board(id, contest: contest)
        var report = Report(contestID: id, signed: loaded.board?.isSigned ?? false)
        report.warnings = keys.warnings + loaded.warnings
        guard let board = loaded.board, loaded.failure == nil else {
            report.record(
                "board", loaded.failure ?? Divergence(.boardInvalid, message: "no board is published"), detail: "")
            VerifyOutput.printContest(report, json: options.json)
            return false
        }
        report.record("board", nil, detail: "\(loaded.detail): \(board.rows.count) rows, \(board.runs.count) runs")
        let saved = try options.savedCommitment()
        var verified: [Int64: [Int64: BoardRankCheck.VerifiedTeam]] = [:]
        var transcripts: [[UInt8]] = []
        let metric = RankingMetric(rawValue: board.metric)
        for run in board.runs {
            let name = "run \(run.runID)"
            // A run that cannot be fetched is an I/O problem (exit 2), like for a single run.
            let transcript = try await artifacts.transcript(run: String(run.runID))
            let attestation = try await artifacts.attestation(run: String(run.runID))
            transcripts.append(transcript)
            var runReport = keys.replay(transcript: transcript, attestation: attestation)
            RunClaims(
                requestedRun: String(run.runID), requestedContest: id, contest: contest, board: board,
                savedCommitment: saved
            ).check(&runReport)
            report.runs.append(runReport)
            report.record(
                name, runReport.divergence,
                detail:
                    "\(runReport.ticks) ticks, root \(runReport.root?.hex.prefix(16) ?? "-")…, \(runReport.members.count) team(s)"
            )
            if runReport.verified, let metric {
                verified[run.runID] = BoardRankCheck.verifiedTeams(runReport, metric: metric)
            }
        }
        if report.verified {
            report.record(
                "ranks", BoardRankCheck.check(board, verified: verified),
                detail: "\(board.rows.count) rows follow from the verified results by \(board.metric)")
        } else {
            report.skip("ranks", because: "not every run verified")
        }
        if report.verified {
            // The published definition is fetched once; both checks read its integrity section.
            let integrity = VerifyIntegrityCheck(
                artifacts: artifacts, contestID: id, definitionSHA256: contest.definitionSHA256)
            let settings = try await integrity.publishedSettings(&report.warnings)
            for (name, outcome) in [
                ("links", try VerifyLinksCheck.check(transcripts: transcripts, settings: settings)),
                ("integrity", try await integrity.check(transcripts: transcripts, settings: settings)),
            ] {
                report.warnings += outcome.warnings
                if let reason = outcome.skipped {
                    report.skip(name, because: reason)
                } else {
                    report.record(name, outcome.failure, detail: outcome.detail)
                }
            }
        } else {
            report.skip("links", because: "not every run verified")
            report.skip("integrity", because: "not every run verified")
        }
        VerifyOutput.printContest(report, json: options.json)
        return report.verified
    }
}
