import APIModels
import ContestModel
import Storage

extension ContestView {
    /// The public view of a stored contest.
    init(record: ContestRecord) throws {
        let definition = try ContestDefinition.decode(json: record.definitionJSON)
        self.init(
            id: record.id, name: record.name, description: definition.description,
            instruments: definition.market.instruments, registrationOpen: record.registrationOpen,
            inviteRequired: record.inviteCodeSHA256 != nil, frozen: record.frozenAt != nil,
            published: record.publishedAt != nil, ticksPerRun: definition.evaluation.ticks,
            heatSize: definition.evaluation.heatSize, rounds: definition.evaluation.rounds.count,
            metric: definition.scoring.metric.rawValue,
            phases: definition.phases.map {
                PhaseView(name: $0.name, startsAt: $0.startsAt, endsAt: $0.endsAt, finalSelection: $0.finalSelection)
            },
            definitionSha256: record.definitionSHA256)
    }
}
