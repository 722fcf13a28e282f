import Foundation
import Sandbox
import Testing

/// Inside the sandbox nothing names the host: a bot reading its mount tables sees neither the
/// bundle's host directory (state directory, run id) nor the checkout (SDK path).
@Suite("Mount tables inside the sandbox", .serialized)
struct MountInfoTests {
    @Test func mountTablesNameNoHostPath() throws {
        guard SandboxAttackTests.ready() else { return }
        let helper = try #require(SandboxTestEnvironment.helperPath)
        let bundle = try SandboxTestEnvironment.bundle(["mountinfo.py", "attacklib.py"])
        defer { SandboxTestEnvironment.removeBundle(bundle) }
        let configuration = SandboxConfiguration(
            helperPath: helper, pythonSDKDirectory: SandboxTestEnvironment.sdkDirectory, isolation: .sandboxed,
            tickDeadline: .milliseconds(800), firstTickDeadline: .seconds(8), maxStrikes: 3,
            endGrace: .milliseconds(300))
        let launch = WorkerLaunch(
            slot: 0, label: "probe", runtime: .python, bundleDirectory: bundle, entry: "mountinfo.py")
        let outcome = try TestContest(configuration: configuration, launches: [launch], ticks: 2).runOnThread()
        let lines = outcome.reports[0]?.logLines.filter { $0.hasPrefix("MOUNT ") } ?? []
        let mountinfo = lines.filter { $0.hasPrefix("MOUNT /proc/self/mountinfo ") }
        // The bundle and the SDK are copies in tmpfs mounts of their own: root "/", source bot/sdk.
        #expect(mountinfo.contains { $0.contains(" / /bot ") && $0.contains(" - tmpfs bot ") }, "\(mountinfo)")
        #expect(mountinfo.contains { $0.contains(" / /sdk ") && $0.contains(" - tmpfs sdk ") }, "\(mountinfo)")
        let bundleName = URL(fileURLWithPath: bundle).lastPathComponent
        let forbidden = [
            bundle, bundleName, SandboxTestEnvironment.packageRoot.path, SandboxTestEnvironment.sdkDirectory,
            outcome.groupID, "PythonSDK", "arena-bundle",
        ]
        for line in lines {
            for host in forbidden {
                #expect(!line.contains(host), "the sandbox shows \(host): \(line)")
            }
        }
        #expect(!lines.isEmpty, "no mount table read: \(outcome.reports[0]?.logLines ?? [])")
        #expect(outcome.faultCode(0) == nil)
    }
}
