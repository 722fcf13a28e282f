public import Hummingbird
public import Storage

/// Context of the team route group: entering the group applies `AccessPolicy.team`, so every
/// handler there gets the calling team, already authorised.
public struct TeamRequestContext: ChildRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The calling team.
    public let team: TeamRecord

    public init(context: ArenaRequestContext) throws {
        self.team = try AccessPolicy.team(context.identity)
        self.coreContext = context.coreContext
    }

    /// Bundles are read explicitly with their own limit; JSON bodies stay small.
    public var maxUploadSize: Int { ArenaRequestContext.jsonBodyLimit }
}
