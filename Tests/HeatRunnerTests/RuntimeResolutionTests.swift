import AuditLog
import ContestModel
import Foundation
import HeatRunner
import HeatRunnerTestSupport
import Logging
import Sandbox
import Testing

@Suite("Runtimes of a heat")
struct RuntimeResolutionTests {
    static let lock = String(repeating: "c", count: 64)

    /// A runtimes directory holding a python-ml runtime built from `lock`.
    static func runtimes(lock: String = RuntimeResolutionTests.lock) throws -> String {
        let directory = NSTemporaryDirectory() + "arena-runtimes-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(
            atPath: directory + "/python-ml/site-packages", withIntermediateDirectories: true)
        let manifest =
            #"{"name":"python-ml","lock_sha256":"\#(lock)","python":"3.11.2","site_packages":"site-packages"}"#
        try Data(manifest.utf8).write(to: URL(fileURLWithPath: directory + "/python-ml/runtime.json"))
        return directory
    }

    static func run(contestYAML: String, runtimes: String) throws(HeatError) -> HeatOutcome {
        let contest = try! ContestDefinitionLoader.parse(contestYAML)
        let spec = HeatSpec(
            contest: contest, runId: "rt", seed: 1,
            entries: [
                HeatSpec.Entry(
                    slot: 0, teamId: 1, label: "ml", runtime: .python, bundleDirectory: "b0", entry: "bot.py",
                    submissionSHA256: String(repeating: "1", count: 64), runtimeName: "python-ml"),
                HeatSpec.Entry(
                    slot: 1, teamId: 2, label: "rules", runtime: .rules, bundleDirectory: "b1", entry: nil,
                    submissionSHA256: String(repeating: "2", count: 64)),
            ], ticks: 3)
        var sandbox = SandboxConfiguration(helperPath: "unused")
        sandbox.runtimesDirectory = runtimes
        var logger = Logger(label: "runtime-tests")
        logger.logLevel = .critical
        let executor = HeatExecutor(
            sandbox: sandbox, signingKey: try! SigningKey(rawRepresentation: Array(repeating: 3, count: 32)),
            logger: logger, workers: ScriptedWorkers(WorkerScript()).factory)
        return try executor.run(spec)
    }

    static let accepting = "id: ml\nname: ML\nruntimes:\n  accepted: [rules, python-ml]\n"

    @Test("each member's runtime name and lock hash go into the transcript header")
    func identityRecorded() throws {
        let directory = try Self.runtimes()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcome = try Self.run(contestYAML: Self.accepting, runtimes: directory)
        let header = try Transcript.decode(outcome.transcript.bytes).transcript.header
        #expect(
            header.runtimes == [
                MemberRuntime(slot: 0, name: "python-ml", lockSHA256: Self.lock),
                MemberRuntime(slot: 1, name: "rules"),
            ])
    }

    @Test("a runtime built from another lock than the contest pins fails the heat, loudly")
    func pinMismatch() throws {
        let directory = try Self.runtimes(lock: String(repeating: "d", count: 64))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pinned = Self.accepting + "  python-ml:\n    lock_sha256: \(Self.lock)\n"
        do {
            _ = try Self.run(contestYAML: pinned, runtimes: directory)
            Issue.record("the heat ran with the wrong runtime")
        } catch {
            #expect(error.code == .sandbox)
            #expect(error.message.contains("contest declares \(Self.lock)"), "\(error)")
        }
    }

    @Test("a runtime that is not installed fails the heat with how to install it")
    func missing() throws {
        do {
            _ = try Self.run(contestYAML: Self.accepting, runtimes: "/nonexistent-runtimes")
            Issue.record("the heat ran without its runtime")
        } catch {
            #expect(error.message.contains("build.sh python-ml"), "\(error)")
        }
    }
}
