import BotProtocol
import Foundation
import Logging
import Sandbox

/// Locates the built helper, the fixtures and the SDK, and decides whether sandboxed tests can
/// run here. In CI (`CI=true`) a missing capability is a failure, never a skip.
enum SandboxTestEnvironment {
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// The package root, found by walking up from this file.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// `Sources/PythonSDK` of the real project (resolving the dev package's symlinks).
    static let sdkDirectory: String = {
        let direct = packageRoot.appendingPathComponent("Sources/PythonSDK")
        if FileManager.default.fileExists(atPath: direct.appendingPathComponent("perparena.py").path) {
            return direct.path
        }
        let real = fixtures.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/PythonSDK")
        return real.path
    }()

    /// `arena-sandbox` next to the test bundle, else in the package's .build directories.
    static let helperPath: String? = {
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(directory.appendingPathComponent("arena-sandbox"))
            directory.deleteLastPathComponent()
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("arena-sandbox"))
        for configuration in ["debug", "release"] {
            candidates.append(packageRoot.appendingPathComponent(".build/\(configuration)/arena-sandbox"))
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path
    }()

    /// Why sandboxed tests cannot run here, or nil when they can.
    static let sandboxUnavailableReason: String? = {
        guard let helperPath else { return "arena-sandbox helper not found (build it with `swift build`)" }
        do {
            let capabilities = try SandboxCapabilities.probe(helperPath: helperPath)
            return capabilities.complete ? nil : "sandbox capabilities incomplete: \(capabilities)"
        } catch {
            return "probe failed: \(error)"
        }
    }()

    /// `.sandboxed` when it works here, and always in CI (where a missing capability must fail,
    /// never fall back); `.plainProcess` on a developer machine without root.
    static var preferredIsolation: Isolation {
        isCI || sandboxUnavailableReason == nil ? .sandboxed : .plainProcess
    }

    static var logger: Logger {
        var logger = Logger(label: "sandbox-tests")
        logger.logLevel = .warning
        return logger
    }

    /// A fresh directory for one team's bundle holding copies of the given fixtures.
    static func bundle(_ fixtureNames: [String], extra: [String: String] = [:]) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("arena-bundle-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in fixtureNames {
            let target = directory.appendingPathComponent(name)
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: target)
            chmod(target.path, 0o755)
        }
        for (name, text) in extra {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        chmod(directory.path, 0o755)
        return directory.path
    }

    static func removeBundle(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
