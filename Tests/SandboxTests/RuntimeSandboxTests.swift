import BotProtocol
import Foundation
import Sandbox
import Testing

/// Bots start in the writable scratch with the bundle at $PERPARENA_BUNDLE, and import only what
/// their runtime declares.
extension SandboxAttackTests {
    @Test func botsWriteInTheirWorkingDirectoryUpToTheCapAndSeeNoHostPackages() throws {
        guard Self.ready() else { return }
        let run = try Self.attack("scratch_cwd.py")
        #expect(run.outcome.faultCode(0) == nil)
        #expect(run.results("cwd").first == "RESULT cwd WRITABLE /scratch hello", "\(run.attackerLogs)")
        #expect(run.results("bundle ").first == "RESULT bundle AT /bot HAS scratch_cwd.py", "\(run.attackerLogs)")
        #expect(run.results("bundle-write").first?.contains("DENIED") == true, "\(run.attackerLogs)")
        for module in ["six", "yaml", "numpy"] {
            #expect(run.results("import \(module)").first == "RESULT import \(module) DENIED", "\(run.attackerLogs)")
        }
        #expect(run.results("syspath").first == "RESULT syspath CLEAN", "\(run.attackerLogs)")
        #expect(
            run.results("listdir").allSatisfy { $0.contains("SEES 0") || $0.contains("DENIED") }, "\(run.attackerLogs)")
        #expect(run.results("cap").first?.contains("stopped at") == true, "\(run.attackerLogs)")
    }
}

/// The python-ml runtime in the real sandbox: a 40 MiB model loads within the first-tick
/// deadline, and the memory limit still stops an 8 GiB allocation. Needs the runtime installed
/// (`Deployment/runtimes/build.sh python-ml`); skipped loudly without it, failed when
/// `ARENA_REQUIRE_RUNTIMES=1` (CI).
@Suite("python-ml runtime in the sandbox", .serialized)
struct MLRuntimeSandboxTests {
    static let uidBase: UInt32 = 61_300

    static func environment() -> RuntimeEnvironment? {
        let directory = ProcessInfo.processInfo.environment["ARENA_RUNTIMES_DIR"] ?? RuntimeEnvironment.defaultDirectory
        do {
            return try RuntimeEnvironment.load(name: "python-ml", directory: directory)
        } catch {
            if ProcessInfo.processInfo.environment["ARENA_REQUIRE_RUNTIMES"] == "1" {
                Issue.record("ARENA_REQUIRE_RUNTIMES=1 but python-ml is not installed: \(error)")
            } else {
                print("⚠️  SKIPPING python-ml sandbox tests: \(error)")
            }
            return nil
        }
    }

    /// Runs `fixture` (plus `extra` files) alone in the python-ml runtime with its default limits.
    static func run(_ fixture: String, extra: [String: Data] = [:], ticks: Int = 3) throws -> TestContest.Outcome? {
        guard SandboxAttackTests.ready(), let environment = environment() else { return nil }
        let helper = try #require(SandboxTestEnvironment.helperPath)
        let bundle = try SandboxTestEnvironment.bundle([fixture, "attacklib.py"])
        defer { SandboxTestEnvironment.removeBundle(bundle) }
        for (name, data) in extra { try data.write(to: URL(fileURLWithPath: bundle + "/" + name)) }
        let configuration = SandboxConfiguration(
            helperPath: helper, pythonSDKDirectory: SandboxTestEnvironment.sdkDirectory, isolation: .sandboxed,
            limits: ResourceLimits(memoryMiB: 1024, pids: 32, cpuSeconds: 60, scratchMiB: 32),
            tickDeadline: .milliseconds(500), firstTickDeadline: .seconds(20), maxStrikes: 30, uidBase: uidBase,
            endGrace: .seconds(1))
        let launch = WorkerLaunch(
            slot: 0, label: "ml", runtime: .python, bundleDirectory: bundle, entry: fixture, environment: environment)
        return try TestContest(configuration: configuration, launches: [launch], ticks: ticks).runOnThread()
    }

    @Test func fortyMiBModelLoadsWithinTheFirstTickDeadline() throws {
        var model = Data(count: 40 << 20)
        model.withUnsafeMutableBytes { buffer in
            for index in stride(from: 0, to: buffer.count, by: 4096) {
                buffer[index] = UInt8(truncatingIfNeeded: index >> 12)
            }
        }
        guard let outcome = try Self.run("ml_model.py", extra: ["model.bin": model]) else { return }
        let report = try #require(outcome.reports[0])
        #expect(report.fault == nil, "\(String(describing: report.fault)) \(report.stderrTail)")
        #expect(outcome.replies(0) == 3, "the first reply came within the first-tick deadline")
        let line = report.logLines.first { $0.hasPrefix("RESULT model") } ?? ""
        #expect(line.contains("\(40 << 20) bytes"), "\(report.logLines) \(report.stderrTail)")
        #expect(line.hasSuffix("threads 1"), "\(line)")
    }

    @Test func eightGiBAllocationIsStillContainedWithTheRuntimesMemory() throws {
        guard let outcome = try Self.run("alloc_8g.py", ticks: 40) else { return }
        #expect(outcome.faultCode(0) == FaultReason.memoryLimit, "\(String(describing: outcome.reports[0]?.fault))")
        #expect((outcome.reports[0]?.oomKills ?? 0) > 0)
    }
}
