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
}
