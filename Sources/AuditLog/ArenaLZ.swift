/// A small, deterministic LZ77 compressor in the LZ4 block format, used to compress transcripts at
/// rest without a new package dependency (corelibs Foundation has no public zlib API on Linux).
///
/// Sequences are `token, [literal length bytes], literals, offset (2 bytes LE), [match length bytes]`:
/// the token's high nibble is the literal count, its low nibble the match length − 4; a nibble of
/// 15 continues in bytes of 255 until a byte below 255. The last sequence has literals only.
/// The compressor is a greedy single-pass matcher over a 64 KiB window with a 4096-entry hash
/// table; the same input always yields the same output. The decompressor checks every bound.
public enum ArenaLZ {
    private static let minMatch = 4
    private static let hashBits = 16

    /// Compresses `input`.
    public static func compress(_ input: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count / 2 + 16)
        var table = [Int32](repeating: -1, count: 1 << hashBits)
        let count = input.count
        var anchor = 0
        var index = 0
        input.withUnsafeBufferPointer { source in
            while index + minMatch <= count {
                let sequence = load32(source, index)
                let slot = Int((sequence &* 2_654_435_761) >> UInt32(32 - hashBits))
                let candidate = Int(table[slot])
                table[slot] = Int32(index)
                if candidate >= 0, index - candidate <= 65_535, load32(source, candidate) == sequence {
                    var length = minMatch
                    while index + length < count, source[candidate + length] == source[index + length] { length += 1 }
                    emit(
                        literals: source[anchor..<index], offset: index - candidate, matchLength: length, into: &output)
                    index += length
                    anchor = index
                } else {
                    index += 1
                }
            }
            emit(literals: source[anchor..<count], offset: 0, matchLength: 0, into: &output)
        }
        return output
    }

    /// Decompresses `input[range]`, which must expand to exactly `expectedCount` bytes.
    public static func decompress(_ input: [UInt8], range: Range<Int>, expectedCount: Int) throws(TranscriptError)
        -> [UInt8]
    {
        var failure: String?
        let output = [UInt8](unsafeUninitializedCapacity: expectedCount) { buffer, initialized in
            input.withUnsafeBufferPointer { source in
                failure = expand(source, range: range, into: buffer, count: &initialized)
            }
        }
        if let failure { throw TranscriptError(.corruptCompression, failure) }
        return output
    }

    /// Expands sequences into `output`; returns a problem, or `nil` when exactly full.
    private static func expand(
        _ input: UnsafeBufferPointer<UInt8>, range: Range<Int>, into output: UnsafeMutableBufferPointer<UInt8>,
        count written: inout Int
    ) -> String? {
        var index = range.lowerBound
        let end = range.upperBound
        let capacity = output.count
        func length(_ start: Int) -> Int? {
            var length = start
            guard start == 15 else { return length }
            while index < end {
                let byte = input[index]
                index += 1
                length += Int(byte)
                guard length <= capacity else { return nil }
                if byte != 255 { return length }
            }
            return nil
        }
        while index < end {
            let token = input[index]
            index += 1
            guard let literals = length(Int(token >> 4)), literals <= end - index, written + literals <= capacity else {
                return "literals out of bounds"
            }
            for step in 0..<literals { output[written + step] = input[index + step] }
            written += literals
            index += literals
            if index == end {
                guard token & 15 == 0 else { return "last sequence has a match" }
                break
            }
            guard end - index >= 2 else { return "truncated offset" }
            let offset = Int(input[index]) | Int(input[index + 1]) << 8
            index += 2
            guard let extra = length(Int(token & 15)) else { return "match length out of bounds" }
            let matchLength = extra + minMatch
            guard offset > 0, offset <= written, written + matchLength <= capacity else { return "match out of bounds" }
            for step in 0..<matchLength { output[written + step] = output[written - offset + step] }
            written += matchLength
        }
        return written == capacity ? nil : "decompressed \(written) bytes, expected \(capacity)"
    }

    private static func load32(_ source: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt32 {
        UInt32(source[index]) | UInt32(source[index + 1]) << 8 | UInt32(source[index + 2]) << 16
            | UInt32(source[index + 3]) << 24
    }

    private static func emit(
        literals: Slice<UnsafeBufferPointer<UInt8>>, offset: Int, matchLength: Int, into output: inout [UInt8]
    ) {
        let literalCount = literals.count
        let matchCode = matchLength == 0 ? 0 : matchLength - minMatch
        output.append(UInt8(min(literalCount, 15)) << 4 | UInt8(min(matchCode, 15)))
        if literalCount >= 15 { appendLength(literalCount - 15, into: &output) }
        output.append(contentsOf: literals)
        guard matchLength > 0 else { return }
        output.append(UInt8(offset & 0xFF))
        output.append(UInt8(offset >> 8))
        if matchCode >= 15 { appendLength(matchCode - 15, into: &output) }
    }

    private static func appendLength(_ value: Int, into output: inout [UInt8]) {
        var value = value
        while value >= 255 {
            output.append(255)
            value -= 255
        }
        output.append(UInt8(value))
    }
}
