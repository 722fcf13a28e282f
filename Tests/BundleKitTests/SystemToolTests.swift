import BundleKit
import Foundation
import Testing

/// Archives made by the real `tar` and `zip` tools unpack to the same bundle as the directory.
/// Skipped when the tool is missing (`apt-get install zip` provides `zip`).
@Suite struct SystemToolTests {
    static let hasTar = FileManager.default.isExecutableFile(atPath: "/usr/bin/tar")
    static let hasZip = FileManager.default.isExecutableFile(atPath: "/usr/bin/zip")

    private func run(_ tool: String, _ arguments: [String], in directory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) \(arguments)")
    }

    private func archive(_ tool: String, _ arguments: [String], source: TempDirectory, output: String) throws -> [UInt8]
    {
        try run(tool, arguments, in: source.path)
        defer { try? FileManager.default.removeItem(atPath: output) }
        return Array(try Data(contentsOf: URL(fileURLWithPath: output)))
    }

    private func sample() throws -> TempDirectory {
        let dir = try TempDirectory.sampleBundle()
        // Longer than the 100-byte ustar name field: exercises GNU 'L', pax 'path' and ustar prefix.
        try dir.write(
            "lib/" + String(repeating: "d", count: 60) + "/" + String(repeating: "f", count: 60) + ".py", "x = 2\n")
        return dir
    }

    @Test(.enabled(if: hasTar), arguments: ["gnu", "pax", "ustar"])
    func tarFormats(format: String) throws {
        let dir = try sample()
        defer { dir.remove() }
        let expected = try BundleArchive.load(directory: dir.path, limits: BundleLimits())
        let out = NSTemporaryDirectory() + "bundlekit-\(UUID().uuidString).tar.gz"
        let gz = try archive("/usr/bin/tar", ["--format=\(format)", "-czf", out, "."], source: dir, output: out)
        #expect(try BundleArchive.unpack(gz, limits: BundleLimits()).sha256 == expected.sha256)
        let plainOut = NSTemporaryDirectory() + "bundlekit-\(UUID().uuidString).tar"
        let plain = try archive(
            "/usr/bin/tar", ["--format=\(format)", "-cf", plainOut, "strategy.yaml", "bot.py", "lib", "data"],
            source: dir, output: plainOut)
        #expect(try BundleArchive.unpack(plain, limits: BundleLimits()).sha256 == expected.sha256)
    }

    @Test(.enabled(if: hasTar)) func tarWithSymlinkIsRefused() throws {
        let dir = try sample()
        defer { dir.remove() }
        #expect(symlink("/etc/passwd", dir.url("passwd")) == 0)
        let out = NSTemporaryDirectory() + "bundlekit-\(UUID().uuidString).tar.gz"
        let gz = try archive("/usr/bin/tar", ["-czf", out, "."], source: dir, output: out)
        #expect(unpackCode(gz) == .link)
    }

    @Test(.enabled(if: hasZip)) func zipArchives() throws {
        let dir = try sample()
        defer { dir.remove() }
        let expected = try BundleArchive.load(directory: dir.path, limits: BundleLimits())
        let out = NSTemporaryDirectory() + "bundlekit-\(UUID().uuidString).zip"
        let zip = try archive("/usr/bin/zip", ["-q", "-r", "-X", out, "."], source: dir, output: out)
        #expect(try BundleArchive.unpack(zip, limits: BundleLimits()).sha256 == expected.sha256)
        let storedOut = NSTemporaryDirectory() + "bundlekit-\(UUID().uuidString).zip"
        let stored = try archive("/usr/bin/zip", ["-q", "-r", "-0", storedOut, "."], source: dir, output: storedOut)
        #expect(try BundleArchive.unpack(stored, limits: BundleLimits()).sha256 == expected.sha256)
    }

    @Test(.enabled(if: hasZip)) func zipStoredSymlinkIsRefused() throws {
        let dir = try sample()
        defer { dir.remove() }
        #expect(symlink("/etc/passwd", dir.url("passwd")) == 0)
        let out = NSTemporaryDirectory() + "bundlekit-\(UUID().uuidString).zip"
        let zip = try archive("/usr/bin/zip", ["-q", "-r", "-y", out, "."], source: dir, output: out)
        #expect(unpackCode(zip) == .link)
    }

    @Test(.enabled(if: hasTar)) func packedArchiveExtractsWithSystemTar() throws {
        let dir = try sample()
        defer { dir.remove() }
        let packed = try BundleArchive.pack(directory: dir.path, limits: BundleLimits())
        let target = try TempDirectory()
        defer { target.remove() }
        try Data(packed).write(to: URL(fileURLWithPath: target.url("b.tar.gz")))
        try target.mkdir("x")
        try run("/usr/bin/tar", ["-xzf", "../b.tar.gz"], in: target.url("x"))
        let extracted = try BundleArchive.load(directory: target.url("x"), limits: BundleLimits())
        #expect(extracted.sha256 == (try BundleArchive.load(directory: dir.path, limits: BundleLimits())).sha256)
    }
}
