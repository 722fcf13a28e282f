import AuditLog
import MarketModel

/// Computes the integrity report of an evaluation from its runs' transcripts. Pure: no clock,
/// no I/O, no floating point; runs are ordered by run id and teams by team id, so the same
/// transcripts give the same bytes in any order.
public enum IntegrityAnalyzer {
    /// The report over `runs` (every run of one evaluation of contest `contestID`).
    public static func report(
        contestID: String, runs: [IntegrityRun], thresholds: IntegrityThresholds = .defaults
    ) throws(IntegrityError) -> IntegrityReport {
        var seen = Set<String>()
        for run in runs {
            let header = run.transcript.header
            guard header.contestID == contestID else {
                throw IntegrityError(
                    .mismatch, "run \(header.runID) belongs to contest \(header.contestID), not \(contestID)")
            }
            guard seen.insert(header.runID).inserted else {
                throw IntegrityError(.mismatch, "run \(header.runID) is given twice")
            }
        }
        return analyze(contestID: contestID, EvaluationTapes(runs.map(HeatTape.init)), thresholds)
    }

    /// The report over transcript files (decoded and checked with `Transcript.decode`).
    public static func report(
        contestID: String, transcripts: [[UInt8]], thresholds: IntegrityThresholds = .defaults
    ) throws(IntegrityError) -> IntegrityReport {
        var runs: [IntegrityRun] = []
        runs.reserveCapacity(transcripts.count)
        for bytes in transcripts { runs.append(try IntegrityRun(bytes: bytes)) }
        return try report(contestID: contestID, runs: runs, thresholds: thresholds)
    }

    static func analyze(
        contestID: String, _ evaluation: EvaluationTapes, _ thresholds: IntegrityThresholds
    ) -> IntegrityReport {
        let transfers = TransferDetector.detect(evaluation, thresholds)
        let washes = WashDetector.detect(evaluation, thresholds)
        let copies = CopyDetector.detect(evaluation, thresholds)
        let totals = SpoofDetector.activity(evaluation)
        let spoofs = SpoofDetector.detect(evaluation, totals, thresholds)
        var flags = Array(repeating: Set<String>(), count: evaluation.teamIDs.count)
        var position: [String: Int] = [:]
        for (index, id) in evaluation.teamIDs.enumerated() { position[id] = index }
        func flag(_ team: TeamRef, _ kind: String) {
            if let index = position[team.teamID] { flags[index].insert(kind) }
        }
        for finding in transfers where finding.flagged {
            flag(finding.giver, "transfer")
            flag(finding.receiver, "transfer")
        }
        for finding in washes {
            for team in finding.teams { flag(team, "wash") }
        }
        // The leader is named in the finding but not flagged: being copied is no offence.
        for finding in copies { flag(finding.follower, "copying") }
        for finding in spoofs { flag(finding.team, "spoofing") }
        let values = fillValues(evaluation)
        var pnl = Array(repeating: Int64(0), count: evaluation.teamIDs.count)
        for (run, tape) in evaluation.tapes.enumerated() {
            for (local, team) in tape.teams.enumerated() {
                pnl[evaluation.globalIndex[run][local]] &+= team.pnl
            }
        }
        let teams = evaluation.teamIDs.indices.map { index in
            let activity = totals[index]
            return TeamSummary(
                team: evaluation.team(index), runs: activity.runs, pnlUnits: pnl[index],
                teamFillValueUnits: Int64(clamping: values[index].team),
                houseFillValueUnits: Int64(clamping: values[index].house), ordersPlaced: activity.ordersPlaced,
                ordersFilled: activity.ordersFilled, ordersCancelled: activity.ordersCancelled,
                orderToFillPPM: SpoofDetector.orderToFill(activity), cancelRatePPM: SpoofDetector.cancelRate(activity),
                messagesPerTickPPM: SpoofDetector.messagesPerTick(activity), flags: flags[index].sorted())
        }
        let runs = zip(evaluation.tapes, evaluation.globalIndex).map { tape, _ in
            IntegrityReport.RunRef(
                runID: tape.runID, ticks: tape.ticks, transcriptRoot: tape.root,
                teamIDs: tape.teams.map(\.teamID))
        }
        return IntegrityReport(
            contestID: contestID, runs: runs, thresholds: thresholds, transfers: transfers, washes: washes,
            copies: copies, spoofs: spoofs, teams: teams)
    }

    /// Value each team received beyond the mark, against other teams and against the house.
    private static func fillValues(_ evaluation: EvaluationTapes) -> [(team: Int128, house: Int128)] {
        var values = Array(repeating: (team: Int128(0), house: Int128(0)), count: evaluation.teamIDs.count)
        for (run, tape) in evaluation.tapes.enumerated() {
            let global = evaluation.globalIndex[run]
            for fill in tape.fills {
                let value = fill.sellerValue(tickLotValue: tape.instruments[fill.instrument].tickLotValue)
                let againstTeams = fill.buyer >= 0 && fill.seller >= 0
                if fill.seller >= 0 {
                    if againstTeams {
                        values[global[fill.seller]].team += value
                    } else {
                        values[global[fill.seller]].house += value
                    }
                }
                if fill.buyer >= 0 {
                    if againstTeams {
                        values[global[fill.buyer]].team -= value
                    } else {
                        values[global[fill.buyer]].house -= value
                    }
                }
            }
        }
        return values
    }
}
