import ContestModel
import Sandbox

/// One heat to run: the contest, the run's identity and seed, and the teams by slot.
public struct HeatSpec: Sendable {
    /// A team's place in the heat.
    public struct Entry: Sendable {
        public var slot: Int
        public var teamId: Int64
        public var label: String
        public var runtime: Runtime
        /// Directory holding the unpacked bundle (strategy.yaml at its root).
        public var bundleDirectory: String
        public var entry: String?
        public var submissionSHA256: String

        public init(
            slot: Int, teamId: Int64, label: String, runtime: Runtime, bundleDirectory: String, entry: String?,
            submissionSHA256: String
        ) {
            self.slot = slot
            self.teamId = teamId
            self.label = label
            self.runtime = runtime
            self.bundleDirectory = bundleDirectory
            self.entry = entry
            self.submissionSHA256 = submissionSHA256
        }
    }

    public var contest: ContestDefinition
    public var runId: String
    public var seed: UInt64
    public var entries: [Entry]
    /// Overrides the contest's tick count (local backtests).
    public var ticks: Int?

    public init(contest: ContestDefinition, runId: String, seed: UInt64, entries: [Entry], ticks: Int? = nil) {
        self.contest = contest
        self.runId = runId
        self.seed = seed
        self.entries = entries
        self.ticks = ticks
    }
}
