import BundleKit
import Foundation
import Testing

@Suite struct LoadTests {
    private func loadCode(_ dir: TempDirectory, limits: BundleLimits = BundleLimits()) -> BundleError.Code? {
        refusal { () throws(BundleError) in try BundleArchive.load(directory: dir.path, limits: limits) }?.code
    }

    @Test func symlinksAreRefusedNotFollowed() throws {
        let dir = try TempDirectory.sampleBundle()
        defer { dir.remove() }
        #expect(symlink("/etc/passwd", dir.url("passwd")) == 0)
        #expect(loadCode(dir) == .link)
        #expect(
            refusal { () throws(BundleError) in try BundleArchive.pack(directory: dir.path, limits: BundleLimits()) }?
                .code == .link)
    }

    @Test func symlinkedDirectoryIsRefused() throws {
        let dir = try TempDirectory.sampleBundle()
        defer { dir.remove() }
        #expect(symlink("/etc", dir.url("lib/etc")) == 0)
        #expect(loadCode(dir) == .link)
    }

    @Test func fifoIsRefused() throws {
        let dir = try TempDirectory.sampleBundle()
        defer { dir.remove() }
        #expect(mkfifo(dir.url("pipe"), 0o644) == 0)
        #expect(loadCode(dir) == .deviceOrSpecial)
    }

    @Test func limitsApply() throws {
        let dir = try TempDirectory.sampleBundle()
        defer { dir.remove() }
        #expect(loadCode(dir, limits: BundleLimits(maxFiles: 3)) == .tooManyFiles)
        #expect(loadCode(dir, limits: BundleLimits(maxUnpackedBytes: 1000)) == .tooLarge)
        #expect(loadCode(dir, limits: BundleLimits(maxDepth: 2)) == .tooDeep)
        #expect(loadCode(dir, limits: BundleLimits(maxPathLength: 10)) == .pathTooLong)
    }

    @Test func ignoredNamesAreSkipped() throws {
        let dir = try TempDirectory.sampleBundle()
        defer { dir.remove() }
        try dir.write(".git/HEAD", "ref: refs/heads/main\n")
        try dir.write("lib/__pycache__/util.cpython-311.pyc", [0, 1, 2])
        let bundle = try BundleArchive.load(directory: dir.path, limits: BundleLimits())
        #expect(bundle.files.count == 4)
    }

    @Test func packRefusesArchivesOverTheUploadLimit() throws {
        let dir = try TempDirectory.sampleBundle()
        defer { dir.remove() }
        // Incompressible bytes from a fixed xorshift generator (no per-byte syscalls).
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let noise = (0..<(300 << 10)).map { _ -> UInt8 in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state >> 32)
        }
        try dir.write("noise.bin", noise)
        let error = refusal { () throws(BundleError) in
            try BundleArchive.pack(directory: dir.path, limits: BundleLimits(maxArchiveBytes: 200 << 10))
        }
        #expect(error?.code == .tooLarge)
        #expect(error?.message.contains("remove large files") == true)
    }

    @Test func missingManifest() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        try dir.write("bot.py", "x")
        #expect(loadCode(dir) == .missingManifest)
    }
}
