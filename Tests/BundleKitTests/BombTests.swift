import BundleKit
import Foundation
import Testing

@Suite struct BombTests {
    /// A tar header announcing a 1 GiB file, followed by 1 GiB of zeros, gzip-compressed (~1 MiB).
    private static func gigabyteBomb() -> [UInt8] {
        let header = TarFixture.header(TarFixture.Entry(name: "zeros.bin", declaredSize: 1 << 30))
        return Compression.zeroBomb(header: header, chunks: 1024)
    }

    @Test func gzipBombOfOneGigabyteIsRefusedQuickly() {
        let bomb = Self.gigabyteBomb()
        #expect(bomb.count < 2 << 20)
        let limits = BundleLimits(maxArchiveBytes: 4 << 20)
        let clock = ContinuousClock()
        var code: BundleError.Code?
        let elapsed = clock.measure { code = unpackCode(bomb, limits: limits) }
        #expect(code == .decompressionBomb)
        #expect(elapsed < .seconds(5))
    }

    @Test func withoutRatioCheckTheUnpackedLimitStopsItDuringDecompression() {
        let bomb = Self.gigabyteBomb()
        let limits = BundleLimits(maxArchiveBytes: 4 << 20, maxCompressionRatio: Int.max)
        let clock = ContinuousClock()
        var code: BundleError.Code?
        let elapsed = clock.measure { code = unpackCode(bomb, limits: limits) }
        #expect(code == .tooLarge)
        #expect(elapsed < .seconds(5))
    }

    @Test func defaultArchiveLimitAlsoCoversIt() {
        // With default limits the compressed bomb (~1 MiB) is refused either as too large an
        // upload or as a bomb; it is never unpacked.
        let code = unpackCode(Self.gigabyteBomb())
        #expect(code == .tooLarge || code == .decompressionBomb)
    }
}
