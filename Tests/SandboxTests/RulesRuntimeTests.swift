import BotProtocol
import Foundation
import Sandbox
import Testing

/// The `rules` runtime: arena-worker (built next to the helper) runs inside the sandbox with
/// the bundle's strategy.yaml. Checks the sandbox path (binary and Swift runtime reachable),
/// not the strategy language, which has its own tests.
@Suite("Rules runtime in the sandbox")
struct RulesRuntimeTests {
    @Test func workerStartsInsideTheSandbox() throws {
        guard let helper = SandboxTestEnvironment.helperPath else { return }
        let worker = URL(fileURLWithPath: helper).deletingLastPathComponent().appendingPathComponent("arena-worker")
            .path
        guard FileManager.default.isExecutableFile(atPath: worker) else {
            print("⚠️  SKIPPING rules runtime test: no arena-worker next to \(helper)")
            return
        }
        let isolation = SandboxTestEnvironment.preferredIsolation
        let strategy = "name: sandbox-test\nruntime: rules\n"
        let bundle = try SandboxTestEnvironment.bundle([], extra: ["strategy.yaml": strategy])
        defer { SandboxTestEnvironment.removeBundle(bundle) }
        let configuration = SandboxConfiguration(
            helperPath: helper, workerPath: worker, isolation: isolation, tickDeadline: .milliseconds(500),
            firstTickDeadline: .seconds(5), uidBase: 61_160, endGrace: .milliseconds(200))
        let launch = WorkerLaunch(slot: 0, label: "rules", runtime: .rules, bundleDirectory: bundle)
        let outcome = try TestContest(configuration: configuration, launches: [launch], ticks: 3).runOnThread()
        let report = try #require(outcome.reports[0])
        #expect(report.fault?.reason.code != FaultReason.startFailed, "\(String(describing: report.fault))")
        #expect(report.exitStatus != .exited(127), "worker could not be executed: \(report.stderrTail)")
        #expect(!report.stderrTail.contains("error while loading shared libraries"), "\(report.stderrTail)")
        #expect(report.sandboxErrors.isEmpty, "\(report.sandboxErrors)")
    }
}
