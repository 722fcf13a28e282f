public import Hummingbird

/// Context of the organizer route group: entering the group applies `AccessPolicy.organizer`, so
/// every handler there gets the calling organizer, already authorised.
public struct OrganizerRequestContext: ChildRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The calling organizer's name.
    public let organizer: String

    public init(context: ArenaRequestContext) throws {
        self.organizer = try AccessPolicy.organizer(context.identity)
        self.coreContext = context.coreContext
    }

    /// The audit-log actor for this organizer.
    public var actor: String { "organizer:\(organizer)" }

    /// Contest definitions and small JSON bodies only.
    public var maxUploadSize: Int { ArenaRequestContext.jsonBodyLimit }
}
