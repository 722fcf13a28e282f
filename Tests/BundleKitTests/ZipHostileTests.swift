import BundleKit
import Testing

/// Hand-built zip archives: valid ones unpack, each hostile one is refused with its specific code.
@Suite struct ZipHostileTests {
    private func code(_ entries: [ZipFixture.Entry], options: ZipFixture.Options = ZipFixture.Options()) -> BundleError
        .Code?
    {
        unpackCode(ZipFixture.archive([ZipFixture.manifest] + entries, options: options))
    }

    @Test func validZipWithStoredDeflateAndModes() throws {
        let archive = ZipFixture.archive([
            ZipFixture.manifest,
            ZipFixture.file("bot.py", "print('x')\n", method: 0, mode: 0o100755),
            ZipFixture.file("lib/", "", method: 0, mode: 0o040755),
            ZipFixture.file("lib/util.py", String(repeating: "x = 1\n", count: 100)),
            ZipFixture.Entry(name: "dos.txt", data: Array("dos".utf8), host: 0),
        ])
        let bundle = try BundleArchive.unpack(archive, limits: BundleLimits())
        #expect(bundle.files.map(\.path) == ["bot.py", "dos.txt", "lib/util.py", "strategy.yaml"])
        #expect(bundle.file("bot.py")?.executable == true)
        #expect(bundle.file("dos.txt")?.executable == false)
        #expect(bundle.file("lib/util.py")?.bytes.count == 600)
    }

    @Test func pathAttacks() {
        #expect(code([ZipFixture.file("../../evil.py", "x")]) == .pathTraversal)
        #expect(code([ZipFixture.file("/tmp/evil.py", "x")]) == .absolutePath)
        #expect(code([ZipFixture.file("..\\evil.py", "x")]) == .invalidPath)
        #expect(code([ZipFixture.file("a\u{0}b.py", "x")]) == .invalidPath)
        #expect(code([ZipFixture.file("1/2/3/4/5/6/7/8/9", "x")]) == .tooDeep)
        #expect(code([ZipFixture.file(String(repeating: "n", count: 201), "x")]) == .pathTooLong)
    }

    @Test func symlinkDeviceAndFifoAttributes() {
        #expect(code([ZipFixture.file("link", "/etc/passwd", method: 0, mode: 0o120777)]) == .link)
        #expect(code([ZipFixture.file("fifo", "", method: 0, mode: 0o010644)]) == .deviceOrSpecial)
        #expect(code([ZipFixture.file("dev", "", method: 0, mode: 0o020644)]) == .deviceOrSpecial)
        #expect(code([ZipFixture.file("sock", "", method: 0, mode: 0o140644)]) == .deviceOrSpecial)
    }

    @Test func encryptedEntries() {
        var traditional = ZipFixture.file("secret.py", "x", method: 0)
        traditional.flags = 0x1
        #expect(code([traditional]) == .encrypted)
        var strong = ZipFixture.file("secret.py", "x", method: 0)
        strong.flags = 0x41
        #expect(code([strong]) == .encrypted)
        var aes = ZipFixture.file("secret.py", "x", method: 99)
        aes.flags = 0x1
        #expect(code([aes]) == .encrypted)
    }

    @Test func zip64Oddities() {
        var marker = ZipFixture.file("a.py", "x", method: 0)
        marker.uncompressedSizeOverride = 0xFFFF_FFFF
        #expect(code([marker]) == .unsupportedFormat)
        var extra = ZipFixture.file("a.py", "x", method: 0)
        extra.centralExtra = [0x01, 0x00, 0x08, 0x00] + [UInt8](repeating: 0, count: 8)
        #expect(code([extra]) == .unsupportedFormat)
        #expect(code([], options: ZipFixture.Options(zip64Locator: true)) == .unsupportedFormat)
        #expect(code([], options: ZipFixture.Options(entryCountOverride: 0xFFFF)) == .unsupportedFormat)
    }

    @Test func corruptionIsDetected() {
        var badCRC = ZipFixture.file("a.py", "hello")
        badCRC.crcOverride = 0x1234_5678
        #expect(code([badCRC]) == .malformedArchive)
        var storedCRC = ZipFixture.file("a.py", "hello", method: 0)
        storedCRC.crcOverride = 0
        #expect(code([storedCRC]) == .malformedArchive)
        var renamed = ZipFixture.file("a.py", "x")
        renamed.localNameOverride = "../a.py"
        #expect(code([renamed]) == .malformedArchive)
        #expect(code([], options: ZipFixture.Options(trailing: Array("trailing".utf8))) == .malformedArchive)
        let truncated = ZipFixture.archive([ZipFixture.manifest]).dropLast(3)
        #expect(unpackCode(Array(truncated)) == .malformedArchive)
    }

    @Test func unsupportedMethod() {
        #expect(code([ZipFixture.file("a.bz2", "x", method: 12)]) == .unsupportedFormat)
    }

    @Test func duplicates() {
        #expect(code([ZipFixture.file("a.py", "1"), ZipFixture.file("a.py", "2")]) == .duplicatePath)
        #expect(code([ZipFixture.file("A.PY", "1"), ZipFixture.file("a.py", "2")]) == .duplicatePath)
    }

    @Test func tooManyFiles() {
        let entries = (0..<64).map { ZipFixture.file("f\($0)", "x", method: 0) }
        #expect(code(entries) == .tooManyFiles)
    }

    @Test func declaredSizesOverLimit() {
        var huge = ZipFixture.file("big.bin", "x")
        huge.uncompressedSizeOverride = 0x7FFF_FFFF
        #expect(code([huge]) == .tooLarge)
    }

    @Test func entryInflatingPastDeclaredSizeIsABomb() {
        var liar = ZipFixture.Entry(name: "zeros.bin", data: [UInt8](repeating: 0, count: 2 << 20))
        liar.uncompressedSizeOverride = 100
        #expect(code([liar]) == .decompressionBomb)
    }

    @Test func declaredRatioBomb() {
        let entry = ZipFixture.Entry(name: "zeros.bin", data: [UInt8](repeating: 0, count: 2 << 20))
        #expect(code([entry]) == .decompressionBomb)
    }

    @Test func overlappingEntriesAreRefused() {
        // Two central records pointing at the same local data: the "overlapping files" zip bomb.
        let entry = ZipFixture.file("a.py", "x")
        #expect(code([entry], options: ZipFixture.Options(duplicateCentral: 1)) == .malformedArchive)
    }

    @Test func emptyZipHasNoManifest() {
        #expect(unpackCode([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)) == .missingManifest)
    }
}
