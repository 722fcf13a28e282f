import Foundation

/// Where the built `arena-sandbox` helper and `arena-worker` are (for heats with real processes).
enum RulesBinaries {
    /// The package root, found by walking up from this file.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static func find(_ name: String) -> String? {
        var candidates: [URL] = []
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(directory.appendingPathComponent(name))
            directory.deleteLastPathComponent()
        }
        for configuration in ["debug", "release"] {
            candidates.append(packageRoot.appendingPathComponent(".build/\(configuration)/\(name)"))
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path
    }

    static let helperPath = find("arena-sandbox")
    static let workerPath = find("arena-worker")
    /// Both binaries exist (in CI a missing one is a failure: `CI=true` forces the test on).
    static let available =
        (helperPath != nil && workerPath != nil) || ProcessInfo.processInfo.environment["CI"] == "true"
}
