import ArenaResources
import Foundation

/// A throwaway directory tree for locator tests; paths are relative to its root.
struct Scratch {
    let root: String

    func path(_ relative: String) -> String {
        relative.isEmpty ? root : root + "/" + relative
    }

    /// Creates an empty file at `relative` (and its directories); returns the file's directory.
    @discardableResult
    func make(_ relative: String) throws -> String {
        let file = URL(fileURLWithPath: path(relative))
        let directory = file.deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: file.path, contents: Data())
        return directory
    }

    func configuration(executable: String, currentDirectory: String) -> ResourceLocatorConfiguration {
        ResourceLocatorConfiguration(
            environment: [:], executablePath: path(executable), currentDirectory: path(currentDirectory))
    }

    func locator(executable: String, currentDirectory: String) -> ResourceLocator {
        ResourceLocator(configuration: configuration(executable: executable, currentDirectory: currentDirectory))
    }
}

/// Runs `body` with a fresh scratch tree (symbolic links resolved) and removes it afterwards.
func withScratch(_ body: (Scratch) throws -> Void) throws {
    let base = URL(fileURLWithPath: NSTemporaryDirectory()).resolvingSymlinksInPath().path
    let root = base + "/arena-resources-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    try body(Scratch(root: root))
}
