/// The audited results of a run: stored in the transcript's trailer and, as a digest, signed.
public struct RunResults: Hashable, Sendable, Codable {
    /// Ticks recorded.
    public var tickCount: Int64
    /// `Exchange.stateHash()` after the last tick.
    public var finalStateHash: UInt64
    /// Per-team results, in rank order.
    public var teams: [TeamResult]

    /// Creates results.
    public init(tickCount: Int64, finalStateHash: UInt64, teams: [TeamResult]) {
        self.tickCount = tickCount
        self.finalStateHash = finalStateHash
        self.teams = teams
    }

    /// Canonical bytes: tick count, state hash, team count, teams.
    public func encoded() -> [UInt8] {
        var writer = CanonicalWriter(capacity: 64 + 96 * teams.count)
        writer.write(signed: tickCount)
        writer.write(unsigned: finalStateHash)
        writer.write(unsigned: UInt64(teams.count))
        for team in teams { writer.write(team) }
        return writer.bytes
    }

    /// SHA-256 of the canonical bytes; the attestation signs it.
    public var digest: Hash256 { Hash256.of(encoded()) }

    /// Reads results written by ``encoded()``.
    public static func read(from reader: inout CanonicalReader) throws(TranscriptError) -> RunResults {
        let tickCount = try reader.readSigned()
        let stateHash = try reader.readUnsigned()
        let count = try reader.readCount()
        var teams: [TeamResult] = []
        for _ in 0..<count { teams.append(try reader.readTeamResult()) }
        return RunResults(tickCount: tickCount, finalStateHash: stateHash, teams: teams)
    }
}
