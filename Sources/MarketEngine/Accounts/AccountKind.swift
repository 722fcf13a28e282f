/// Kind of account.
enum AccountKind: UInt8, Sendable, Hashable {
    /// The insurance fund (account 0).
    case fund
    /// A background agent.
    case house
    /// A team's bot.
    case bot
}
