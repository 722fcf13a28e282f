import AuditLog
import Foundation
import Testing

@Suite("Transcript compression (gzip)")
struct TranscriptGzipTests {
    /// The stored body of a transcript file (after magic, version, flag and two varints).
    static func stored(_ bytes: [UInt8]) -> (flag: UInt8, body: [UInt8]) {
        var index = 6
        func varint() -> Int {
            var value = 0
            var shift = 0
            while true {
                let byte = bytes[index]
                index += 1
                value |= Int(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }
        _ = varint()
        let count = varint()
        return (bytes[5], Array(bytes[index..<index + count]))
    }

    /// A file with the same body stored under `flag` (the writer's framing, re-done by hand).
    static func reframed(_ bytes: [UInt8], flag: UInt8, stored: [UInt8]) throws -> [UInt8] {
        let body = TranscriptReader.body(of: bytes)
        var file = CanonicalWriter()
        file.write(raw: TranscriptFormat.magic)
        file.write(byte: TranscriptFormat.version)
        file.write(byte: flag)
        file.write(unsigned: UInt64(body.count))
        file.write(unsigned: UInt64(stored.count))
        file.write(raw: stored)
        file.write(raw: Hash256.of(file.bytes).bytes)
        return file.bytes
    }

    @Test("new transcripts store one gzip member that the system's gzip opens")
    func gzipMember() throws {
        let run = try RunFixture(ticks: 30)
        let (flag, member) = Self.stored(run.transcript.bytes)
        #expect(flag == TranscriptFormat.gzip)
        #expect(Array(member.prefix(3)) == [0x1F, 0x8B, 8])
        let gzip = "/usr/bin/gzip"
        guard FileManager.default.isExecutableFile(atPath: gzip) else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("transcript-\(getpid()).gz")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(member).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gzip)
        process.arguments = ["-dc", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect([UInt8](data) == TranscriptReader.body(of: run.transcript.bytes))
    }

    @Test("transcripts written with ArenaLZ still open and verify their chain")
    func legacyArenaLZ() throws {
        let run = try RunFixture(ticks: 30)
        let body = TranscriptReader.body(of: run.transcript.bytes)
        let legacy = try Self.reframed(
            run.transcript.bytes, flag: TranscriptFormat.arenaLZ, stored: ArenaLZ.compress(body))
        let (decoded, records) = try Transcript.decode(legacy)
        #expect(decoded.root == run.transcript.root)
        #expect(decoded.results == run.transcript.results)
        #expect(records.count == run.transcript.tickCount)
    }

    @Test("a corrupt or lying gzip body is an error, never a crash")
    func hostileBodies() throws {
        let run = try RunFixture(ticks: 10)
        let (_, member) = Self.stored(run.transcript.bytes)
        var flipped = member
        flipped[member.count / 2] ^= 0xFF
        let body = TranscriptReader.body(of: run.transcript.bytes)
        for bad in [flipped, Array(member.prefix(member.count / 2)), member + [0, 1, 2], [0x1F, 0x8B]] {
            let file = try Self.reframed(run.transcript.bytes, flag: TranscriptFormat.gzip, stored: bad)
            #expect(throws: TranscriptError.self) { try TranscriptReader(bytes: file) }
        }
        // A tiny member declaring a 4 GiB body is refused before anything is allocated.
        var file = CanonicalWriter()
        file.write(raw: TranscriptFormat.magic)
        file.write(byte: TranscriptFormat.version)
        file.write(byte: TranscriptFormat.gzip)
        file.write(unsigned: (1 << 32) - 16)
        file.write(unsigned: UInt64(member.count))
        file.write(raw: member)
        file.write(raw: Hash256.of(file.bytes).bytes)
        #expect(throws: TranscriptError.self) { try TranscriptReader(bytes: file.bytes) }
        #expect(!body.isEmpty)
    }
}
