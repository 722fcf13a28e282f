/// One entry of the organizer/system audit log, with its hash-chain links.
public struct AuditEventView: Codable, Sendable, Equatable {
    public var id: Int64
    public var at: String
    public var actor: String
    public var action: String
    public var subject: String
    /// The details object as JSON text.
    public var details: String
    public var previousHash: String
    public var hash: String

    public init(
        id: Int64, at: String, actor: String, action: String, subject: String, details: String,
        previousHash: String, hash: String
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.details = details
        self.previousHash = previousHash
        self.hash = hash
    }
}
