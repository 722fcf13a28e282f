import APIModels
import Foundation

/// One fully populated and one minimal instance of every DTO the OpenAPI document describes.
enum DTOSamples {
    static let date = Date(timeIntervalSince1970: 1_790_000_000)

    static var all: [(String, any Encodable, any Encodable)] {
        let phase = PhaseView(
            name: "main", startsAt: "2026-11-26T00:00:00Z", endsAt: "2026-12-03T00:00:00Z",
            finalSelection: false)
        let bare = PhaseView(name: "main", startsAt: nil, endsAt: nil, finalSelection: false)
        func contest(_ description: String?) -> ContestView {
            ContestView(
                id: "demo", name: "Demo", description: description, instruments: ["BTC-PERP"],
                registrationOpen: true, inviteRequired: false, frozen: false, published: false, ticksPerRun: 10,
                heatSize: 8, rounds: 1, metric: "pnl", phases: [phase], definitionSha256: "ab",
                secretSha256: description == nil ? nil : "cd", submissionsOpen: true)
        }
        func provenance(_ full: Bool) -> RunProvenance {
            RunProvenance(
                runId: 1, round: 0, heat: 0, seed: full ? "11" : nil, score: full ? "1.5" : nil,
                transcriptRoot: full ? "cd" : nil, transcriptUrl: "/t", attestationUrl: "/a")
        }
        func row(_ full: Bool) -> LeaderboardRow {
            LeaderboardRow(
                rank: 1, teamId: 1, team: "a", status: "scored", score: full ? "1" : nil,
                scoreCi95: full ? "0.5" : nil, pnl: "1", fees: "0", funding: "0", trades: 1, liquidations: 0,
                maxDrawdown: "0", submissionId: 1, submissionSha256: "ab", submittedAt: date,
                fault: full ? "timeout" : nil, runs: [provenance(full)])
        }
        func board(_ full: Bool) -> LeaderboardView {
            LeaderboardView(
                contestId: "demo", state: "live", metric: "pnl", evaluationId: full ? 1 : nil,
                engineVersion: "1", updatedAt: full ? date : nil, page: 1, pageSize: 100, total: 1,
                rows: [row(full)], boardVersion: full ? 1 : nil,
                boardUrl: full ? "/v1/contests/demo/board/versions/1" : nil)
        }
        let quota = QuotaView(
            used: 1, limit: 2, invalidUsed: 0, invalidLimit: 5, inFlight: 1, inFlightLimit: 2,
            resetsAt: date)
        func submission(_ full: Bool) -> SubmissionView {
            SubmissionView(
                id: 1, teamId: 1, contestId: "demo", sha256: "ab", runtime: "rules", status: "queued",
                statusHistory: [StatusChange(status: "received", at: date, detail: full ? "x" : nil)],
                validationReport: full ? "ok" : nil, charged: true, createdAt: date,
                quota: full ? quota : nil, selected: false)
        }
        let decision = DecisionView(
            tick: 3, clientIds: [8], model: "m", version: "1", inputsDigest: "sha256:ab", inputs: "x=1", output: "up",
            rationale: "why", confidence: "0.5")
        func report(_ full: Bool) -> RunReportView {
            var view = RunReportView(
                runId: 1, contestId: "demo", status: "complete", round: 0, heat: 0, rankInRun: 1, teamsInRun: 2,
                finalEquity: "1", pnl: "1", fees: "0", funding: "0", trades: 1, liquidations: 0,
                maxDrawdown: "0", fault: full ? "timeout" : nil, faultTick: full ? 3 : nil, logs: "",
                integrity: full
                    ? RunIntegrityView(evaluationId: 1, reportSha256: "ab", flags: ["wash"], section: "{}") : nil)
            if full {
                view.runtime = "python-ml"
                view.runtimeLockSha256 = "ab"
                view.decisions = [decision]
            }
            return view
        }
        let team = TeamView(teamId: 1, name: "a", contestId: "demo", disqualified: true, disqualifyReason: "why")
        let runSummary = { (root: String?) in
            RunSummaryView(
                runId: 1, contestId: "demo", evaluationId: 1, round: 0, heat: 0, status: "complete",
                transcriptRoot: root)
        }
        let registration = TeamRegistrationResponse(teamId: 1, name: "a", contestId: "demo", token: "pa_team_x")
        let key = PublicKeyView(keyId: "k", publicKey: "AA==", active: true)
        let audit = AuditEventView(
            id: 1, at: "2026", actor: "system", action: "x", subject: "y", details: "{}",
            previousHash: "0", hash: "1")
        let rerun = RerunView(runId: 1, jobId: 2, runStatus: "complete")
        let error = APIErrorBody(code: "not_found", message: "run not found")
        return [
            ("ContestView", contest("d"), contest(nil)), ("PhaseView", phase, bare),
            ("LeaderboardView", board(true), board(false)), ("LeaderboardRow", row(true), row(false)),
            ("RunProvenance", provenance(true), provenance(false)),
            ("SubmissionView", submission(true), submission(false)),
            (
                "StatusChange", StatusChange(status: "queued", at: date, detail: "d"),
                StatusChange(status: "queued", at: date)
            ),
            ("QuotaView", quota, quota), ("RunReportView", report(true), report(false)),
            ("DecisionView", decision, decision),
            (
                "TeamView", team,
                TeamView(teamId: 1, name: "a", contestId: "demo", disqualified: false, disqualifyReason: nil)
            ),
            ("RunSummaryView", runSummary("ab"), runSummary(nil)),
            ("TeamRegistrationResponse", registration, registration), ("PublicKeyView", key, key),
            ("AuditEventView", audit, audit), ("RerunView", rerun, rerun), ("Error", error, error),
            (
                "TeamRegistrationRequest", TeamRegistrationRequest(name: "a", inviteCode: "c", members: ["a@b.c"]),
                TeamRegistrationRequest(name: "a")
            ),
            ("RegistrationChange", RegistrationChange(open: true), RegistrationChange(open: true)),
            ("DisqualifyRequest", DisqualifyRequest(reason: "r"), DisqualifyRequest(reason: "r")),
            ("InviteChange", InviteChange(code: "c"), InviteChange(code: nil)),
            ("InviteRequest", InviteRequest(count: 1), InviteRequest(count: 1)),
            (
                "InviteBatch", InviteBatch(contestId: "demo", codes: ["pa_inv_x"], issued: 1, used: 0),
                InviteBatch(contestId: "demo", codes: [], issued: 0, used: 0)
            ),
            ("AmendmentRequest", AmendmentRequest(reason: "r"), AmendmentRequest(reason: "r")),
            (
                "IntegrityReviewRequest",
                IntegrityReviewRequest(decision: "clear", teamId: 1, kind: "wash", reason: "r", evaluationId: 1),
                IntegrityReviewRequest(decision: "clear", teamId: 1, kind: "wash", reason: "r")
            ),
            (
                "IntegrityReviewView",
                IntegrityReviewView(
                    contestId: "demo", evaluationId: 1, reportSha256: "ab", teamId: 1, kind: "wash",
                    decision: "cleared", reason: "r", amendmentJobId: 2),
                IntegrityReviewView(
                    contestId: "demo", evaluationId: 1, reportSha256: "ab", teamId: 1, kind: "wash",
                    decision: "cleared", reason: "r", amendmentJobId: nil)
            ),
            (
                "RunIntegrityView", RunIntegrityView(evaluationId: 1, reportSha256: "ab", flags: [], section: "{}"),
                RunIntegrityView(evaluationId: 1, reportSha256: "ab", flags: [], section: nil)
            ),
        ]
    }

    /// The top-level keys of `value` encoded with the API's conventions.
    static func keys(_ value: any Encodable) throws -> Set<String> {
        let data = try APIJSON.encoder().encode(value)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return Set(object?.keys.map { $0 } ?? [])
    }
}
