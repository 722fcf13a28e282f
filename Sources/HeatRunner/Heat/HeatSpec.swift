public import ContestModel
public import Sandbox

/// One heat to run: the contest, the run's identity and seed, and the teams by slot.
public struct HeatSpec: Sendable {
    /// A team's place in the heat.
    public struct Entry: Sendable {
        public var slot: Int
        public var teamId: Int64
        public var label: String
        public var runtime: Runtime
        /// The runtime as named in the bundle (`python-ml` for a `python` bot using that installed
        /// runtime); the run resolves it on this host and records its identity in the transcript.
        public var runtimeName: String
        /// Directory holding the unpacked bundle (strategy.yaml at its root).
        public var bundleDirectory: String
        public var entry: String?
        public var submissionSHA256: String
        /// Set when the team could not be prepared for this heat (e.g. its stored bundle does not
        /// unpack): no worker is started for it, its slot is faulted at tick 0 with this reason
        /// and the other teams play on.
        public var preparationFault: FaultReason?

        public init(
            slot: Int, teamId: Int64, label: String, runtime: Runtime, bundleDirectory: String, entry: String?,
            submissionSHA256: String, preparationFault: FaultReason? = nil, runtimeName: String? = nil
        ) {
            self.runtimeName = runtimeName ?? runtime.rawValue
            self.slot = slot
            self.teamId = teamId
            self.label = label
            self.runtime = runtime
            self.bundleDirectory = bundleDirectory
            self.entry = entry
            self.submissionSHA256 = submissionSHA256
            self.preparationFault = preparationFault
        }

        /// A team that could not be prepared: its slot is faulted at start with `reason`.
        public static func faulted(
            slot: Int, teamId: Int64, label: String, submissionSHA256: String, reason: FaultReason
        ) -> Entry {
            Entry(
                slot: slot, teamId: teamId, label: label, runtime: .rules, bundleDirectory: "", entry: nil,
                submissionSHA256: submissionSHA256, preparationFault: reason)
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
