import AuditLog
import ContestModel
import Foundation
import HeatRunner
import InProcessBots
import Logging
import Sandbox

/// Heats of the demo contest played by rules strategies from `Seeds/`, in-process.
struct IntegrityHeat {
    /// A team: its label and the strategy it runs (relative to `Seeds/`).
    struct Team: Sendable {
        var id: Int64
        var label: String
        var strategy: String
    }

    static let key = try! SigningKey(rawRepresentation: Array(repeating: UInt8(7), count: 32))

    /// The repository's `Seeds/` directory.
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Seeds").path

    /// The demo contest as published.
    static let demo: ContestDefinition = try! ContestDefinitionLoader.load(path: seeds + "/contests/demo.yaml")

    /// The honest sample strategies.
    static let honest: [Team] = [
        "trend-following", "mean-reversion", "market-making", "funding-carry", "breakout", "grid",
    ].enumerated().map { Team(id: Int64(101 + $0.offset), label: $0.element, strategy: "strategies/" + $0.element) }

    /// The integrity test bots (`Seeds/integrity`).
    static let cheats: [Team] = ["receiver", "donor", "wash-a", "wash-b", "copier", "quote-stuffer"].enumerated()
        .map { Team(id: Int64(201 + $0.offset), label: $0.element, strategy: "integrity/" + $0.element) }

    var contest = IntegrityHeat.demo
    var teams: [Team]
    var ticks: Int?

    /// Plays one heat on `seed` and returns its transcript file.
    func run(seed: UInt64, runID: String) throws -> Transcript {
        var logger = Logger(label: "integrity-tests")
        logger.logLevel = .critical
        let strategies = Dictionary(uniqueKeysWithValues: teams.enumerated().map { ($0.offset, $0.element.strategy) })
        let seeds = Self.seeds
        let executor = HeatExecutor(
            sandbox: SandboxConfiguration(helperPath: "unused"), signingKey: Self.key, logger: logger,
            workers: InProcessWorkers.factory { slot, _ in
                try RulesBot(path: seeds + "/" + (strategies[slot] ?? "") + "/strategy.yaml")
            })
        let spec = HeatSpec(
            contest: contest, runId: runID, seed: seed,
            entries: teams.enumerated().map {
                HeatSpec.Entry(
                    slot: $0.offset, teamId: $0.element.id, label: $0.element.label, runtime: .rules,
                    bundleDirectory: $0.element.strategy, entry: nil,
                    submissionSHA256: String(repeating: "\($0.offset % 10)", count: 64))
            }, ticks: ticks)
        return try executor.run(spec).transcript
    }
}
