public import Logging
public import Sandbox

/// Creates the `Workers` of one heat from the heat's sandbox configuration (the contest's limits
/// already applied) and its launches. Passed to `HeatExecutor.init`; the default starts real
/// sandboxed processes, tests inject scripted bots.
public struct WorkersFactory: Sendable {
    /// Builds the workers; throwing fails the heat with `HeatError.Code.sandbox`.
    public typealias Make =
        @Sendable (_ configuration: SandboxConfiguration, _ launches: [WorkerLaunch], _ logger: Logger) throws ->
        any Workers

    private let body: Make

    /// A factory that calls `make` once per heat.
    public init(_ make: @escaping Make) {
        self.body = make
    }

    /// The workers of one heat.
    public func make(configuration: SandboxConfiguration, launches: [WorkerLaunch], logger: Logger) throws
        -> any Workers
    {
        try body(configuration, launches, logger)
    }

    /// Real bots: one `WorkerGroup` of sandboxed processes per heat.
    public static let workerGroup = WorkersFactory { configuration, launches, logger in
        try WorkerGroup(configuration: configuration, launches: launches, logger: logger)
    }
}
