import BundleKit
import Testing

/// Each test writes a real hostile tar by hand and checks the exact refusal code,
/// both as a plain tar and wrapped in gzip.
@Suite struct TarHostileTests {
    private func expectRefused(
        _ entries: [TarFixture.Entry], _ code: BundleError.Code, limits: BundleLimits = BundleLimits()
    ) {
        let tar = TarFixture.archive([TarFixture.manifest] + entries)
        #expect(unpackCode(tar, limits: limits) == code)
        #expect(unpackCode(Compression.gzip(tar), limits: limits) == code)
    }

    @Test func dotDotComponents() {
        expectRefused([TarFixture.file("../evil.py", "x")], .pathTraversal)
        expectRefused([TarFixture.file("lib/../../evil.py", "x")], .pathTraversal)
        expectRefused([TarFixture.Entry(name: "..", type: UInt8(ascii: "5"))], .pathTraversal)
    }

    @Test func absolutePaths() {
        expectRefused([TarFixture.file("/etc/cron.d/evil", "x")], .absolutePath)
        expectRefused([TarFixture.file("C:/evil", "x")], .absolutePath)
    }

    @Test func backslashNulAndControlCharacters() {
        expectRefused([TarFixture.file("lib\\..\\evil.py", "x")], .invalidPath)
        expectRefused([TarFixture.pax(["path": "ok.py\u{0}/../../evil"]), TarFixture.file("ok.py", "x")], .invalidPath)
        expectRefused([TarFixture.file("line\nbreak.py", "x")], .invalidPath)
        expectRefused([TarFixture.file("a//b.py", "x")], .invalidPath)
    }

    @Test func invalidUTF8Name() {
        // Patch raw bytes into the name field so the invalid UTF-8 survives.
        var tar = TarFixture.archive([TarFixture.manifest, TarFixture.file("bXX.py", "x")])
        let nameOffset = 512 + 512  // second header (manifest data takes one block)
        tar[nameOffset + 1] = 0xFF
        tar[nameOffset + 2] = 0xFE
        fixChecksum(&tar, header: nameOffset)
        #expect(unpackCode(tar) == .invalidPath)
    }

    @Test func symlinksAndHardlinks() {
        expectRefused([TarFixture.Entry(name: "passwd", type: UInt8(ascii: "2"), linkName: "/etc/passwd")], .link)
        expectRefused([TarFixture.Entry(name: "hard", type: UInt8(ascii: "1"), linkName: "strategy.yaml")], .link)
        expectRefused(
            [TarFixture.Entry(name: "././@LongLink", data: Array("/etc/shadow\u{0}".utf8), type: UInt8(ascii: "K"))],
            .link)
    }

    @Test func devicesAndFifos() {
        expectRefused([TarFixture.Entry(name: "tty", type: UInt8(ascii: "3"))], .deviceOrSpecial)
        expectRefused([TarFixture.Entry(name: "sda", type: UInt8(ascii: "4"))], .deviceOrSpecial)
        expectRefused([TarFixture.Entry(name: "pipe", type: UInt8(ascii: "6"))], .deviceOrSpecial)
        expectRefused([TarFixture.Entry(name: "contig", type: UInt8(ascii: "7"))], .unsupportedFormat)
        expectRefused([TarFixture.Entry(name: "sparse", type: UInt8(ascii: "S"))], .unsupportedFormat)
    }

    @Test func paxSizeOverrideIsRefused() {
        expectRefused([TarFixture.pax(["size": "1"]), TarFixture.file("a.py", "x")], .unsupportedFormat)
    }

    @Test func duplicatesAndConflicts() {
        expectRefused([TarFixture.file("bot.py", "a"), TarFixture.file("bot.py", "b")], .duplicatePath)
        expectRefused([TarFixture.file("Bot.py", "a"), TarFixture.file("bot.py", "b")], .duplicatePath)
        expectRefused([TarFixture.file("./strategy.yaml", "name: y\nruntime: rules\n")], .duplicatePath)
        expectRefused([TarFixture.file("lib", "a"), TarFixture.file("lib/x.py", "b")], .duplicatePath)
        expectRefused([TarFixture.file("lib/x.py", "b"), TarFixture.file("lib", "a")], .duplicatePath)
    }

    @Test func tooManyFiles() {
        let files = (0..<64).map { TarFixture.file("f\($0).txt", "x") }
        expectRefused(files, .tooManyFiles)
        let limits = BundleLimits(maxFiles: 65)
        #expect(unpackCode(TarFixture.archive([TarFixture.manifest] + files), limits: limits) == nil)
    }

    @Test func tooManyDirectoryEntries() {
        let dirs = (0..<600).map { TarFixture.Entry(name: "d\($0)/", type: UInt8(ascii: "5")) }
        expectRefused(dirs, .tooManyFiles)
    }

    @Test func pathLengthAndDepth() {
        let long = String(repeating: "a", count: 99) + "/" + String(repeating: "b", count: 101)
        expectRefused([TarFixture.pax(["path": long]), TarFixture.file("x", "x")], .pathTooLong)
        expectRefused([TarFixture.file("1/2/3/4/5/6/7/8/9.py", "x")], .tooDeep)
        #expect(
            unpackCode(TarFixture.archive([TarFixture.manifest, TarFixture.file("1/2/3/4/5/6/7/8.py", "x")])) == nil)
    }

    @Test func unpackedSizeLimitIsEnforced() {
        let big = TarFixture.Entry(name: "big.bin", data: [UInt8](repeating: 7, count: 9 << 20))
        let limits = BundleLimits(maxArchiveBytes: 64 << 20, maxCompressionRatio: 1 << 30)
        expectRefused([big], .tooLarge, limits: limits)
        let small = BundleLimits(maxArchiveBytes: 64 << 20, maxUnpackedBytes: 1000)
        expectRefused(
            [TarFixture.Entry(name: "a.bin", data: [UInt8](repeating: 1, count: 990))], .tooLarge, limits: small)
    }

    @Test func archiveSizeLimit() {
        let tar = TarFixture.archive([
            TarFixture.manifest, TarFixture.Entry(name: "pad", data: [UInt8](repeating: 1, count: 1 << 20)),
        ])
        #expect(unpackCode(tar) == .tooLarge)
    }

    @Test func lyingSizeAndTruncation() {
        var entry = TarFixture.file("a.py", "x")
        entry.declaredSize = 5000
        #expect(unpackCode(TarFixture.archive([TarFixture.manifest, entry], endBlocks: 0)) == .malformedArchive)
        #expect(unpackCode(TarFixture.archive([TarFixture.manifest], endBlocks: 0)) == .malformedArchive)
    }

    @Test func badChecksum() {
        var entry = TarFixture.file("a.py", "x")
        entry.badChecksum = true
        expectRefused([entry], .malformedArchive)
    }

    @Test func dataAfterEndMarker() {
        let tar = TarFixture.archive([TarFixture.manifest]) + TarFixture.archive([TarFixture.file("hidden.py", "x")])
        #expect(unpackCode(tar) == .malformedArchive)
        #expect(unpackCode(Compression.gzip(tar)) == .malformedArchive)
    }

    @Test func gzipTrailingGarbageAndCorruption() {
        let gz = Compression.gzip(TarFixture.archive([TarFixture.manifest]))
        #expect(unpackCode(gz) == nil)
        #expect(unpackCode(gz + [0x00]) == .malformedArchive)
        #expect(unpackCode(gz + Array("garbage".utf8)) == .malformedArchive)
        #expect(unpackCode(gz + gz) == .malformedArchive)
        var badCRC = gz
        badCRC[badCRC.count - 6] ^= 0xFF
        #expect(unpackCode(badCRC) == .malformedArchive)
        #expect(unpackCode(Array(gz.dropLast(4))) == .malformedArchive)
        #expect(unpackCode(Array(gz.prefix(gz.count / 2))) == .malformedArchive)
    }

    @Test func formatDetection() {
        #expect(unpackCode(Array("just some text, not an archive".utf8)) == .unsupportedFormat)
        #expect(unpackCode([]) == .unsupportedFormat)
        #expect(unpackCode(Compression.gzip(Array("name: x\n".utf8))) == .unsupportedFormat)
        var v7 = TarFixture.archive([TarFixture.manifest])
        for index in 257..<265 { v7[index] = 0 }
        #expect(unpackCode(v7) == .unsupportedFormat)
    }

    @Test func manifestMustBeAtRoot() {
        #expect(
            unpackCode(TarFixture.archive([TarFixture.file("bot/strategy.yaml", "name: x\nruntime: rules\n")]))
                == .missingManifest)
        #expect(
            unpackCode(TarFixture.archive([TarFixture.file("strategy.yaml", "name: x\nruntime: python\n")]))
                == .invalidManifest)
    }

    private func fixChecksum(_ tar: inout [UInt8], header: Int) {
        for index in 148..<156 { tar[header + index] = 0x20 }
        let sum = tar[header..<(header + 512)].reduce(0) { $0 + Int($1) }
        let digits = Array(String(sum, radix: 8).utf8)
        let field = [UInt8](repeating: UInt8(ascii: "0"), count: 6 - digits.count) + digits + [0, 0x20]
        for (index, byte) in field.enumerated() { tar[header + 148 + index] = byte }
    }
}
