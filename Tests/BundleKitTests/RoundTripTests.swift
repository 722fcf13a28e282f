import BundleKit
import Foundation
import Testing

@Suite struct RoundTripTests {
    @Test func packThenUnpackGivesTheSameFiles() throws {
        let dir = try TempDirectory.sampleBundle()
        defer { dir.remove() }
        let archive = try BundleArchive.pack(directory: dir.path, limits: BundleLimits())
        #expect(archive.starts(with: [0x1F, 0x8B]))
        let bundle = try BundleArchive.unpack(archive, limits: BundleLimits())
        let loaded = try BundleArchive.load(directory: dir.path, limits: BundleLimits())
        #expect(bundle.files == loaded.files)
        #expect(bundle.sha256 == loaded.sha256)
        #expect(bundle.files.map(\.path) == ["bot.py", "data/deep/prices.csv", "lib/util.py", "strategy.yaml"])
        #expect(bundle.file("bot.py")?.executable == true)
        #expect(bundle.file("lib/util.py")?.executable == false)
        #expect(bundle.file("lib/util.py")?.bytes == Array("def f():\n    return 42\n".utf8))
        #expect(bundle.manifest == BundleManifest(name: "momentum", runtime: .python, entry: "bot.py"))
        #expect(bundle.sha256.count == 64)
    }

    @Test func samePackedTwiceGivesSameBytesAndHash() throws {
        let first = try TempDirectory.sampleBundle()
        defer { first.remove() }
        let archiveA = try BundleArchive.pack(directory: first.path, limits: BundleLimits())
        // Same content created again elsewhere, later (different mtimes, inode order).
        let second = try TempDirectory.sampleBundle()
        defer { second.remove() }
        _ = utime(second.url("bot.py"), nil)
        let archiveB = try BundleArchive.pack(directory: second.path, limits: BundleLimits())
        #expect(archiveA == archiveB)
        let hashA = try BundleArchive.unpack(archiveA, limits: BundleLimits()).sha256
        let hashB = try BundleArchive.unpack(archiveB, limits: BundleLimits()).sha256
        #expect(hashA == hashB)
    }

    @Test func hashIgnoresArchiveFormatButNotContentOrMode() throws {
        let tar = TarFixture.archive([
            TarFixture.file("b.txt", "B"), TarFixture.manifest, TarFixture.file("a.txt", "A"),
        ])
        let zip = ZipFixture.archive([
            ZipFixture.manifest, ZipFixture.file("a.txt", "A", method: 0), ZipFixture.file("b.txt", "B"),
        ])
        let fromTar = try BundleArchive.unpack(tar, limits: BundleLimits())
        let fromGzip = try BundleArchive.unpack(Compression.gzip(tar), limits: BundleLimits())
        let fromZip = try BundleArchive.unpack(zip, limits: BundleLimits())
        #expect(fromTar.sha256 == fromZip.sha256)
        #expect(fromTar.sha256 == fromGzip.sha256)
        let changed = try BundleArchive.unpack(
            TarFixture.archive([TarFixture.file("b.txt", "b"), TarFixture.manifest, TarFixture.file("a.txt", "A")]),
            limits: BundleLimits()
        )
        #expect(changed.sha256 != fromTar.sha256)
        let executable = try BundleArchive.unpack(
            TarFixture.archive([
                TarFixture.file("b.txt", "B", mode: 0o755), TarFixture.manifest, TarFixture.file("a.txt", "A"),
            ]),
            limits: BundleLimits()
        )
        #expect(executable.sha256 != fromTar.sha256)
    }

    @Test func unpackWriteLoadRoundTripKeepsModes() throws {
        let source = try TempDirectory.sampleBundle()
        defer { source.remove() }
        let bundle = try BundleArchive.unpack(
            try BundleArchive.pack(directory: source.path, limits: BundleLimits()), limits: BundleLimits())
        let target = try TempDirectory()
        defer { target.remove() }
        let oldMask = umask(0o077)
        defer { umask(oldMask) }
        try BundleArchive.write(bundle, to: target.path)
        let reloaded = try BundleArchive.load(directory: target.path, limits: BundleLimits())
        #expect(reloaded.sha256 == bundle.sha256)
        var info = stat()
        #expect(stat(target.url("bot.py"), &info) == 0 && info.st_mode & 0o777 == 0o755)
        #expect(stat(target.url("lib/util.py"), &info) == 0 && info.st_mode & 0o777 == 0o644)
        #expect(stat(target.url("data/deep"), &info) == 0 && info.st_mode & 0o777 == 0o755)
    }

    @Test func acceptsDotSlashPrefixesDirectoriesAndPaxLongNames() throws {
        let longPath = String(repeating: "d", count: 90) + "/" + String(repeating: "f", count: 100) + ".py"
        let tar = TarFixture.archive([
            TarFixture.Entry(name: "./", type: UInt8(ascii: "5"), mode: 0o755),
            TarFixture.Entry(name: "./lib/", type: UInt8(ascii: "5"), mode: 0o755),
            TarFixture.file("./strategy.yaml", "name: x\nruntime: rules\n"),
            TarFixture.pax(["path": longPath, "mtime": "1700000000.5"]),
            TarFixture.file("truncated-name", "print(1)\n"),
            TarFixture.Entry(
                name: "pax_global_header", data: Array("52 comment=0123456789abcdef0123456789abcdef01234567\n".utf8),
                type: UInt8(ascii: "g")),
            TarFixture.file("./lib/util.py", "x = 1\n"),
        ])
        let bundle = try BundleArchive.unpack(Compression.gzip(tar), limits: BundleLimits())
        #expect(bundle.files.map(\.path) == [longPath, "lib/util.py", "strategy.yaml"])
    }

    @Test func bundleInitValidatesLikeUnpack() throws {
        let manifest = BundleFile(path: "strategy.yaml", bytes: Array("name: x\nruntime: rules\n".utf8))
        let bundle = try BundleKit.Bundle(files: [BundleFile(path: "z.txt", bytes: [1]), manifest])
        #expect(bundle.files.first?.path == "strategy.yaml")
        let escape = refusal { () throws(BundleError) in
            try BundleKit.Bundle(files: [manifest, BundleFile(path: "../x", bytes: [])])
        }
        #expect(escape?.code == .pathTraversal)
        let noManifest = refusal { () throws(BundleError) in
            try BundleKit.Bundle(files: [BundleFile(path: "a", bytes: [])])
        }
        #expect(noManifest?.code == .missingManifest)
    }

    @Test func packHandlesNamesBeyondTheUstarNameField() throws {
        let splittable = "lib/" + String(repeating: "d", count: 90) + "/" + String(repeating: "f", count: 90)
        let unsplittable = "lib/" + String(repeating: "n", count: 150) + ".py"
        let bundle = try BundleKit.Bundle(files: [
            BundleFile(path: "strategy.yaml", bytes: Array("name: x\nruntime: rules\n".utf8)),
            BundleFile(path: splittable, bytes: [1, 2, 3]),
            BundleFile(path: unsplittable, bytes: [4], executable: true),
        ])
        let archive = try BundleArchive.pack(bundle, limits: BundleLimits())
        let unpacked = try BundleArchive.unpack(archive, limits: BundleLimits())
        #expect(unpacked.files == bundle.files)
        #expect(unpacked.sha256 == bundle.sha256)
    }
}
