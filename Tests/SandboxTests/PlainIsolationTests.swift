import Foundation
import Sandbox
import Testing

/// Plain mode (development only) shares the runner's uid, so Landlock and the helper must keep
/// the runner's secrets out of reach: no secret in the environment, no file outside the bundle,
/// SDK and /usr, no /proc of the runner, no signal to it, and a private scratch directory.
@Suite("Plain isolation keeps the runner out of reach", .serialized)
struct PlainIsolationTests {
    static let canary = "arena-plain-canary-\(getpid())-7b3a"

    @Test func aPlainBotReachesNothingOfTheRunner() throws {
        let helper = try #require(SandboxTestEnvironment.helperPath, "arena-sandbox not built")
        let capabilities = try SandboxCapabilities.probe(helperPath: helper)
        guard capabilities.landlockABI > 0 else {
            if SandboxTestEnvironment.isCI { Issue.record("CI=true but this kernel has no Landlock") }
            print("⚠️  SKIPPING plain isolation test: no Landlock on this kernel")
            return
        }
        // A stand-in for the runner's state directory with a signing key.
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("arena-plain-state-\(getpid())")
        try FileManager.default.createDirectory(
            at: state.appendingPathComponent("keys"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: state) }
        let key = state.appendingPathComponent("keys/active.key").path
        try Self.canary.write(toFile: key, atomically: true, encoding: .utf8)
        setenv("ARENA_TEST_PLAIN_SECRET", Self.canary, 1)
        let targets: [String: [String]] = [
            "read": [
                key, state.path, FileManager.default.temporaryDirectory.path, "/etc/passwd",
                SandboxTestEnvironment.packageRoot.appendingPathComponent("Package.swift").path,
            ],
            "pids": ["\(getpid())", "1"],
        ]
        let bundle = try SandboxTestEnvironment.bundle(
            ["plain_reach.py", "attacklib.py"],
            extra: ["targets.json": String(decoding: try JSONEncoder().encode(targets), as: UTF8.self)])
        defer { SandboxTestEnvironment.removeBundle(bundle) }
        var configuration = PlainProcessTests.configuration(helper)
        configuration.tickDeadline = .seconds(2)
        let launch = WorkerLaunch(
            slot: 0, label: "t0", runtime: .python, bundleDirectory: bundle, entry: "plain_reach.py")
        let outcome = try TestContest(configuration: configuration, launches: [launch], ticks: 3).runOnThread()
        let report = try #require(outcome.reports[0])
        let results = report.logLines.filter { $0.hasPrefix("RESULT ") }
        #expect(outcome.faultCode(0) == nil, "\(String(describing: report.fault)) \(report.stderrTail)")
        #expect(results.filter { $0.contains("REACHED") }.isEmpty, "reached: \(results)")
        #expect(results.filter { $0.contains(" denied ") }.count == 9, "\(results)")
        let said = (report.logLines + [report.stderrTail]).joined(separator: "\n")
        #expect(!said.contains(Self.canary), "the canary leaked")
        let home = results.first { $0.hasPrefix("RESULT home ") }?.dropFirst("RESULT home ".count) ?? ""
        #expect(home.hasPrefix("/tmp/arena-scratch-"), "HOME=\(home)")
        #expect(results.contains("RESULT scratch writable"), "\(results)")
        #expect(!FileManager.default.fileExists(atPath: String(home)), "the scratch directory was not removed")
        let environment = results.first { $0.hasPrefix("RESULT environment ") } ?? ""
        let expected = [
            "HOME", "LANG", "PATH", "PERPARENA_BUNDLE", "PERPARENA_RUNTIME", "PYTHONDONTWRITEBYTECODE",
            "PYTHONHASHSEED", "PYTHONNOUSERSITE", "PYTHONPATH", "PYTHONUNBUFFERED", "TMPDIR",
        ]
        #expect(environment == "RESULT environment " + expected.joined(separator: " "), "\(environment)")
    }

    /// The rules worker (a Swift binary with its runtime libraries outside /usr in development)
    /// still runs under plain mode's Landlock rules.
    @Test func theRulesWorkerRunsUnderLandlock() throws {
        let helper = try #require(SandboxTestEnvironment.helperPath, "arena-sandbox not built")
        let worker = URL(fileURLWithPath: helper).deletingLastPathComponent().appendingPathComponent("arena-worker")
            .path
        guard FileManager.default.isExecutableFile(atPath: worker) else {
            print("⚠️  SKIPPING: no arena-worker next to \(helper)")
            return
        }
        let strategy = """
            name: plain
            runtime: rules
            markets: [BTC-PERP]
            rules:
              - name: idle
                when: mark > 0
                do:
                  - log: "tick"
            """
        let bundle = try SandboxTestEnvironment.bundle([], extra: ["strategy.yaml": strategy])
        defer { SandboxTestEnvironment.removeBundle(bundle) }
        var configuration = PlainProcessTests.configuration(helper)
        configuration.workerPath = worker
        configuration.tickDeadline = .seconds(2)
        let launch = WorkerLaunch(slot: 0, label: "rules", runtime: .rules, bundleDirectory: bundle)
        let outcome = try TestContest(configuration: configuration, launches: [launch], ticks: 3).runOnThread()
        let report = try #require(outcome.reports[0])
        #expect(report.fault == nil, "\(String(describing: report.fault)) \(report.stderrTail)")
        #expect(outcome.replies(0) == 3)
    }
}
