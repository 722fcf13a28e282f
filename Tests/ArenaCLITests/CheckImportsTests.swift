import Foundation
import Testing

/// `arena check` on Python bundles: imports the declared runtime cannot satisfy fail the check
/// with file, line and the fix, before any upload.
@Suite("arena check: imports of Python bots")
struct CheckImportsTests {
    static let bot = """
        import json
        import numpy as np
        import helper
        import perparena as pa

        pa.run(pa.Bot())
        """

    @Test("import numpy in a runtime: python bot fails the check with its line and the fix")
    func numpyInPlainPython() async throws {
        try await OfflineCLI.with { cli in
            try cli.write("bot/strategy.yaml", "name: np\nruntime: python\nentry: bot.py\n")
            try cli.write("bot/bot.py", Self.bot)
            try cli.write("bot/helper.py", "X = 1\n")
            let result = try await cli.cli.run(["check", "bot", "--no-episode"])
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout.contains("bot.py:2:"), "\(result)")
            #expect(result.stdout.contains("numpy is not available in runtime 'python'"), "\(result)")
            #expect(result.stdout.contains("runtime: python-ml"), "\(result)")
            #expect(!result.stdout.contains("helper"), "the bundle's own modules are fine: \(result)")
            let json = try await cli.cli.run(["check", "bot", "--no-episode", "--json"])
            #expect(json.status == 1)
            #expect(json.stdout.contains("\"offending_text\" : \"import numpy\""), "\(json)")
        }
    }

    @Test("the same bot declared python-ml passes where the runtime is installed")
    func numpyInPythonML() async throws {
        let directory = ProcessInfo.processInfo.environment["ARENA_RUNTIMES_DIR"] ?? "/opt/perparena/runtimes"
        guard FileManager.default.fileExists(atPath: directory + "/python-ml/runtime.json") else {
            if ProcessInfo.processInfo.environment["ARENA_REQUIRE_RUNTIMES"] == "1" {
                Issue.record("python-ml is not installed in \(directory)")
            } else {
                print("⚠️  SKIPPING: python-ml is not installed in \(directory)")
            }
            return
        }
        try await OfflineCLI.with { cli in
            try cli.write("bot/strategy.yaml", "name: np\nruntime: python-ml\nentry: bot.py\n")
            try cli.write("bot/bot.py", Self.bot + "\nimport lightgbm\n")
            try cli.write("bot/helper.py", "X = 1\n")
            let result = try await cli.cli.run(
                ["check", "bot", "--no-episode"], extra: ["ARENA_RUNTIMES_DIR": directory])
            #expect(result.status == 0, "\(result)")
            try cli.write("bot/bot.py", Self.bot + "\nimport torch\n")
            let torch = try await cli.cli.run(
                ["check", "bot", "--no-episode"], extra: ["ARENA_RUNTIMES_DIR": directory])
            #expect(torch.status == 1, "\(torch)")
            #expect(torch.stdout.contains("torch is not in runtime 'python-ml'"), "\(torch)")
        }
    }

    /// Without a contest file (an installed `arena`, no checkout), the local check accepts the
    /// runtimes installed on this machine, so a model bot can be checked before choosing a contest.
    @Test("with no contest at hand, arena check accepts a runtime installed here and says when one is not")
    func installedRuntimeWithoutContest() async throws {
        try await OfflineCLI.with { cli in
            let runtimes = cli.home + "/runtimes"
            try FileManager.default.createDirectory(
                atPath: runtimes + "/python-org/site-packages", withIntermediateDirectories: true)
            let identity = #"{"name":"python-org","lock_sha256":"\#(String(repeating: "c", count: 64))"}"#
            try Data(identity.utf8).write(to: URL(fileURLWithPath: runtimes + "/python-org/runtime.json"))
            try FileManager.default.createDirectory(atPath: cli.home + "/no-seeds", withIntermediateDirectories: true)
            var sdk = URL(fileURLWithPath: #filePath)
            for _ in 0..<3 { sdk.deleteLastPathComponent() }
            let settings = [
                "ARENA_SEEDS_DIR": cli.home + "/no-seeds", "ARENA_PYTHON_SDK": sdk.path + "/Sources/PythonSDK",
            ]
            try cli.write("bot/strategy.yaml", "name: org\nruntime: python-org\nentry: bot.py\n")
            try cli.write("bot/bot.py", "import json\nimport perparena as pa\n\npa.run(pa.Bot())\n")
            let installed = try await cli.cli.run(
                ["check", "bot"], extra: settings.merging(["ARENA_RUNTIMES_DIR": runtimes]) { $1 })
            #expect(installed.status == 0, "\(installed)")
            #expect(installed.stdout.contains("ok: org (runtime python-org)"), "\(installed)")
            #expect(installed.stdout.contains("validation episode (30 practice ticks"), "\(installed)")
            // A contest that pins another build of the runtime: the episode refuses to run it, loudly.
            let pin = String(repeating: "d", count: 64)
            try cli.write(
                "contest.yaml",
                "id: org\nname: Org\nruntimes:\n  accepted: [python-org]\n  python-org:\n    lock_sha256: \(pin)\n")
            let pinned = try await cli.cli.run(
                ["check", "bot", "--contest", "contest.yaml"],
                extra: settings.merging(["ARENA_RUNTIMES_DIR": runtimes]) { $1 })
            #expect(pinned.status != 0, "\(pinned)")
            #expect(pinned.stderr.contains("but the contest declares \(pin)"), "\(pinned)")
            #expect(pinned.stderr.contains("`arena runtime install python-org`"), "\(pinned)")
            let missing = try await cli.cli.run(
                ["check", "bot"], extra: settings.merging(["ARENA_RUNTIMES_DIR": cli.home + "/none"]) { $1 })
            #expect(missing.status != 0, "\(missing)")
            #expect(missing.stderr.contains("arena runtime install python-org"), "\(missing)")
        }
    }
}
