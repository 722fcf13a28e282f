/// One team in the heat a transcript records.
public struct HeatMember: Hashable, Sendable, Codable {
    /// The team's slot in this heat (0-based; also its place in the seeded processing order's input).
    public var slot: UInt32
    /// The team's stable id.
    public var teamID: String
    /// The team's display label (used to break score ties).
    public var label: String
    /// Content hash (sha256 hex) of the submitted bundle.
    public var submissionHash: String

    /// Creates a member.
    public init(slot: UInt32, teamID: String, label: String, submissionHash: String) {
        self.slot = slot
        self.teamID = teamID
        self.label = label
        self.submissionHash = submissionHash
    }
}

extension CanonicalWriter {
    /// Writes a member: slot, team id, label, submission hash.
    public mutating func write(_ member: HeatMember) {
        write(unsigned: UInt64(member.slot))
        write(string: member.teamID)
        write(string: member.label)
        write(string: member.submissionHash)
    }
}

extension CanonicalReader {
    /// Reads a member.
    public mutating func readMember() throws(TranscriptError) -> HeatMember {
        HeatMember(
            slot: try readUnsigned(as: UInt32.self), teamID: try readString(), label: try readString(),
            submissionHash: try readString())
    }
}
