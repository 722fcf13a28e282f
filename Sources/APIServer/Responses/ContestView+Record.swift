import APIModels
import ContestModel
import Foundation
import Storage

extension ContestView {
    /// The public view of a stored contest, with its lifecycle now.
    init(record: ContestRecord) throws { try self.init(record: record, now: Date()) }

    /// The public view of a stored contest, with its lifecycle at `now`.
    init(record: ContestRecord, now: Date) throws {
        let definition = try ContestDefinition.decode(json: record.definitionJSON)
        let lifecycle = ContestLifecycle(definition: definition, now: now, published: record.publishedAt != nil)
        self.init(
            id: record.id, name: record.name, description: definition.description,
            instruments: definition.market.instruments, registrationOpen: record.registrationOpen,
            inviteRequired: record.inviteCodeSHA256 != nil, frozen: record.frozenAt != nil,
            published: record.publishedAt != nil, ticksPerRun: definition.evaluation.ticks,
            heatSize: definition.evaluation.heatSize, rounds: definition.evaluation.rounds.count,
            metric: definition.scoring.metric.rawValue,
            phases: definition.phases.map {
                PhaseView(
                    name: $0.name, startsAt: $0.startsAt, endsAt: $0.endsAt, finalSelection: $0.finalSelection,
                    submissions: $0.submissions, registration: $0.registration)
            },
            definitionSha256: record.definitionSHA256, secretSha256: record.secretSHA256,
            submissionsOpen: lifecycle.submissionsOpen)
    }
}
