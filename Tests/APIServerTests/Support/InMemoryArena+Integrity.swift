import APIServer
import Foundation
import Synchronization

@testable import Storage

extension InMemoryArena: IntegrityRepository {
    func integrityReport(contestId: String, evaluationId: Int64?) async throws -> IntegrityReportRecord? {
        state.withLock { state in
            state.integrityReports.filter {
                $0.contestId == contestId && (evaluationId == nil || $0.evaluationId == evaluationId)
            }
            .max { ($0.evaluationId, $0.id) < ($1.evaluationId, $1.id) }
        }
    }

    /// Stores a report's bytes as a runner would (its SHA-256 computed here).
    @discardableResult
    func addIntegrityReport(contestId: String, evaluationId: Int64, report: [UInt8], flagged: Int = 0)
        -> IntegrityReportRecord
    {
        state.withLock { state in
            let record = IntegrityReportRecord(
                id: state.makeId(), evaluationId: evaluationId, contestId: contestId, report: Data(report),
                sha256: TokenHash.hex(Data(report)), flaggedTeams: flagged, createdAt: Date())
            state.integrityReports.append(record)
            return record
        }
    }
}

extension InMemoryArena {
    /// A minimal canonical integrity report: team `giver` moved value to team `flagged`
    /// (`transfer`), both flagged.
    static func sampleIntegrityReport(contest: String, flagged: Int64, giver: Int64) -> [UInt8] {
        let (low, high) = (min(flagged, giver), max(flagged, giver))
        func team(_ id: Int64) -> String { #"{"label":"team-\#(id)","team_id":"\#(id)"}"# }
        func summary(_ id: Int64) -> String { #"{"flags":["transfer"],"team":\#(team(id))}"# }
        let ids = [low, high].map { #""\#($0)""# }.sorted().joined(separator: ",")
        let summaries = [low, high].sorted { String($0) < String($1) }.map(summary).joined(separator: ",")
        return Array(
            (#"{"contest_id":"\#(contest)","copying":[],"flagged_teams":[\#(ids)],"#
                + #""format":"perparena-integrity/1","runs":[],"spoofing":[],"teams":[\#(summaries)],"#
                + #""thresholds":{},"transfer":[{"flagged":true,"giver":\#(team(giver)),"#
                + #""net_usdt":"80.00000000","receiver":\#(team(flagged))}],"wash":[]}"#).utf8)
    }
}
