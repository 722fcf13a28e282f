import Foundation
import Testing

@testable import Sandbox

/// The sandbox fails closed: a limit without a cgroup controller stops the helper with an
/// error (never a silent skip), and the runner's start-up check names what is missing.
@Suite("Sandbox fails closed", .serialized)
struct FailClosedTests {
    /// Runs the helper in a private mount namespace without any cgroup hierarchy (a host
    /// lacking the controllers), asking for memory, pids and CPU limits.
    @Test func aLimitWithoutItsControllerIsAnErrorNotASkip() throws {
        guard SandboxAttackTests.ready() else { return }
        let helper = try #require(SandboxTestEnvironment.helperPath)
        let bundle = try SandboxTestEnvironment.bundle(["echo_bot.py"])
        defer { SandboxTestEnvironment.removeBundle(bundle) }
        let status = bundle + ".status"
        defer { try? FileManager.default.removeItem(atPath: status) }
        let script = """
            umount -a -t cgroup,cgroup2 2>/dev/null
            exec "$0" -n arena-failclosed-\(getpid()) -b "$1" -u 64100 -g 64100 -M 64 -P 16 -c 100 -w /bot \
                -- /usr/bin/true 3</dev/null 4>"$2"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["--mount", "--propagation", "private", "/bin/sh", "-c", script, helper, bundle, status]
        try process.run()
        process.waitUntilExit()
        let lines = try String(contentsOfFile: status, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(process.terminationStatus == 125, "\(lines)")
        for controller in ["memory", "pids", "cpu"] {
            #expect(
                lines.contains(
                    "error=\(controller) limit requested but this host has no \(controller) cgroup controller"),
                "\(lines)")
        }
        #expect(!lines.contains { $0.hasPrefix("exit=") }, "the bot ran: \(lines)")
        #expect(lines.last == "done")
    }

    @Test func missingNamesEveryLimitWithoutAController() {
        var capabilities = SandboxCapabilities(
            root: true, namespaces: true, seccomp: true, memoryCgroup: "v1", pidsCgroup: "none", cpuCgroup: "v2",
            cgroupsUsable: false, landlockABI: 0)
        #expect(
            capabilities.missing(isolation: .sandboxed, limits: ResourceLimits()) == [
                "the pids cgroup controller (the pids limit is set)"
            ])
        #expect(capabilities.missing(isolation: .sandboxed, limits: ResourceLimits(pids: 0)).count == 1, "unusable")
        #expect(capabilities.missing(isolation: .plainProcess, limits: ResourceLimits()).count == 1, "no Landlock")
        capabilities.root = false
        #expect(capabilities.missing(isolation: .sandboxed, limits: ResourceLimits()).contains("root"))
    }

    @Test func theStartUpCheckRefusesAMissingHelperAndPassesHere() throws {
        let helper = try #require(SandboxTestEnvironment.helperPath)
        #expect(throws: SandboxError.self) {
            try SandboxPreflight.check(SandboxConfiguration(helperPath: "/nonexistent/arena-sandbox"))
        }
        let isolation = SandboxTestEnvironment.preferredIsolation
        if isolation == .sandboxed, !SandboxAttackTests.ready() { return }
        let capabilities = try SandboxCapabilities.probe(helperPath: helper)
        if isolation == .plainProcess, capabilities.landlockABI == 0 { return }
        let checked = try SandboxPreflight.check(SandboxConfiguration(helperPath: helper, isolation: isolation))
        #expect(checked.seccomp)
    }
}
