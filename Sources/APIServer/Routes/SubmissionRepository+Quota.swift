import APIModels
import ContestModel
import Foundation
import Storage

extension SubmissionRepository {
    /// The team's quota today (UTC day) under the contest's limits.
    func quota(_ team: TeamRecord, _ definition: ContestDefinition) async throws -> QuotaView {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let dayStart = calendar.startOfDay(for: Date())
        let counts = try await quotaCounts(teamId: team.id, since: dayStart)
        return QuotaView(
            used: counts.charged, limit: definition.limits.submissionsPerDay, invalidUsed: counts.invalid,
            invalidLimit: definition.limits.invalidSubmissionsPerDay, inFlight: counts.inFlight,
            inFlightLimit: definition.limits.maxInFlight, resetsAt: dayStart.addingTimeInterval(86_400))
    }
}
