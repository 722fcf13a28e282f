import ContestModel
import Foundation
import Testing

@Suite("The contest's runtimes and decisions sections")
struct RuntimeSettingsTests {
    @Test("without the sections: built-in runtimes, no decisions required, same canonical JSON")
    func absent() throws {
        let contest = try ContestDefinitionLoader.parse("id: plain\nname: Plain\n")
        #expect(contest.runtimeSettings.accepted == ["rules", "python", "exec"])
        #expect(!contest.decisionsRequired)
        let json = try contest.canonicalJSON()
        #expect(!json.contains("runtimes") && !json.contains("decisions"))
    }

    @Test("python-ml gets model-sized defaults; a pinned lock and own limits are kept and hashed")
    func pinned() throws {
        let hash = String(repeating: "ab", count: 32)
        let yaml = """
            id: ml
            name: ML
            runtimes:
              accepted: [rules, python-ml]
              python-ml:
                lock_sha256: \(hash)
                memory_mib: 2048
            decisions:
              required: true
            """
        let contest = try ContestDefinitionLoader.parse(yaml)
        let limits = contest.runtimeSettings.limits(for: "python-ml", base: contest.limits)
        #expect(limits.lockSHA256 == hash)
        #expect(limits.memoryMiB == 2048)
        #expect(limits.bundleMaxBytes == 64 << 20 && limits.bundleMaxUnpackedBytes == 64 << 20)
        #expect(limits.firstTickDeadlineMilliseconds == 20_000)
        #expect(
            contest.runtimeSettings.limits(for: "rules", base: contest.limits).memoryMiB == contest.limits.memoryMiB)
        #expect(contest.decisionsRequired)
        let plain = try ContestDefinitionLoader.parse("id: ml\nname: ML\n")
        #expect(try plain.sha256() != contest.sha256())
        #expect(try ContestDefinition.decode(json: contest.canonicalJSON()) == contest)
    }

    @Test("unknown runtimes, settings of runtimes not accepted and malformed pins are refused")
    func refused() {
        let cases: [(String, String)] = [
            ("runtimes:\n  accepted: [java]\n", "runtimes.accepted"),
            ("runtimes:\n  accepted: []\n", "runtimes.accepted"),
            ("runtimes:\n  accepted: [python]\n  python-ml:\n    memory_mib: 512\n", "runtimes.python-ml"),
            (
                "runtimes:\n  accepted: [python-ml]\n  python-ml:\n    lock_sha256: xyz\n",
                "runtimes.python-ml.lock_sha256"
            ),
            (
                "runtimes:\n  accepted: [python-ml]\n  python-ml:\n    memory_mib: 99999\n",
                "runtimes.python-ml.memory_mib"
            ),
        ]
        for (section, field) in cases {
            do {
                _ = try ContestDefinitionLoader.parse("id: x\nname: X\n" + section)
                Issue.record("accepted: \(section)")
            } catch {
                #expect(error.field == field, "\(section): \(error)")
            }
        }
    }

    /// The demo pins python-ml so a runner with another build fails loudly; the pin must be the
    /// lock file in the repository, or every demo run of the ML team would fail.
    @Test("the demo contest pins python-ml to the SHA-256 of the lock file in the repository")
    func demoPinMatchesLock() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let demo = try ContestDefinitionLoader.load(path: root.appendingPathComponent("Seeds/contests/demo.yaml").path)
        let pinned = try #require(demo.runtimeSettings.limits["python-ml"]?.lockSHA256)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [root.appendingPathComponent("Deployment/runtimes/python-ml/requirements.lock").path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.split(separator: " ").first.map(String.init) == pinned)
        #expect(demo.runtimeSettings.accepted.contains("python-ml"))
    }
}
