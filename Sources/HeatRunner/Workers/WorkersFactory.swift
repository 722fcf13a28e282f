public import Logging
public import Sandbox

/// Creates the `Workers` of one heat from the heat's sandbox configuration (the contest's limits
/// already applied) and its launches. Passed to `HeatExecutor.init`; the default starts real
/// sandboxed processes for Python and executable bots and evaluates `rules` strategies inside
/// the runner; tests inject scripted bots.
public struct WorkersFactory: Sendable {
    /// Builds the workers; throwing fails the heat with `HeatError.Code.sandbox`.
    public typealias Make =
        @Sendable (_ configuration: SandboxConfiguration, _ launches: [WorkerLaunch], _ logger: Logger) throws ->
        any Workers

    private let body: Make
    /// `rules` entries are evaluated by the runner itself (`InProcessRules`) instead of being
    /// launched through `make`. Only the production factory sets it; a custom factory gets every
    /// launch, whatever its runtime.
    public let rulesInProcess: Bool

    /// A factory that calls `make` once per heat with every launch.
    public init(_ make: @escaping Make) {
        self.body = make
        self.rulesInProcess = false
    }

    init(rulesInProcess: Bool, _ make: @escaping Make) {
        self.body = make
        self.rulesInProcess = rulesInProcess
    }

    /// The workers of one heat.
    public func make(configuration: SandboxConfiguration, launches: [WorkerLaunch], logger: Logger) throws
        -> any Workers
    {
        try body(configuration, launches, logger)
    }

    /// Production: `rules` strategies evaluated inside the runner (no process, pipe or JSON per
    /// team), every other bot in one `WorkerGroup` of sandboxed processes per heat.
    public static let workerGroup = WorkersFactory(rulesInProcess: true) { configuration, launches, logger in
        try WorkerGroup(configuration: configuration, launches: launches, logger: logger)
    }

    /// Every bot in its own sandboxed process, `rules` strategies included (one `arena-worker`
    /// per team): the path before in-process rules, kept as the benchmark baseline and for the
    /// equivalence test.
    public static let processPerBot = WorkersFactory(rulesInProcess: false) { configuration, launches, logger in
        try WorkerGroup(configuration: configuration, launches: launches, logger: logger)
    }
}
