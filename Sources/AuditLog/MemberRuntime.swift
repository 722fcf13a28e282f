/// The runtime a team's bot ran in, recorded in the transcript header: the runtime's name
/// (`rules`, `python`, `python-ml`, an organizer's own) and, for runtimes built from a lock file,
/// the SHA-256 of that lock (docs/OPERATIONS.md, "Bot runtimes"). Built-in runtimes have no lock
/// (`lockSHA256` empty).
public struct MemberRuntime: Hashable, Sendable, Codable {
    /// The member's slot.
    public var slot: UInt32
    /// Runtime name.
    public var name: String
    /// SHA-256 (hex) of the runtime's lock file; empty for built-in runtimes.
    public var lockSHA256: String

    /// Creates an entry.
    public init(slot: UInt32, name: String, lockSHA256: String = "") {
        self.slot = slot
        self.name = name
        self.lockSHA256 = lockSHA256
    }

    /// `python-ml (lock 05cac962…)`, or just the name for a runtime without a lock.
    public var summary: String { lockSHA256.isEmpty ? name : "\(name) (lock sha256 \(lockSHA256))" }

    enum CodingKeys: String, CodingKey {
        case slot, name
        case lockSHA256 = "lock_sha256"
    }
}
