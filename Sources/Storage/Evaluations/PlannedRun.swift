import Foundation

/// A run the evaluation planner decided on: one heat of one round.
public struct PlannedRun: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var teamId: Int64
        public var submissionId: Int64
        public var slot: Int

        public init(teamId: Int64, submissionId: Int64, slot: Int) {
            self.teamId = teamId
            self.submissionId = submissionId
            self.slot = slot
        }
    }

    public var round: Int
    public var heat: Int
    public var seed: UInt64
    public var seedPublic: Bool
    public var entries: [Entry]

    public init(round: Int, heat: Int, seed: UInt64, seedPublic: Bool, entries: [Entry]) {
        self.round = round
        self.heat = heat
        self.seed = seed
        self.seedPublic = seedPublic
        self.entries = entries
    }
}
