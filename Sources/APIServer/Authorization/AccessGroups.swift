import Hummingbird

/// The three route groups of the API, one per `AccessPolicy`. Route registrations take the
/// group of their policy; handlers of the team and organizer groups get typed contexts.
struct AccessGroups {
    /// Anyone: `ArenaRequestContext` (identity optional).
    let anyone: PolicyRouterGroup<ArenaRequestContext>
    /// Team tokens: `TeamRequestContext`.
    let team: PolicyRouterGroup<TeamRequestContext>
    /// Organizer tokens: `OrganizerRequestContext`.
    let organizer: PolicyRouterGroup<OrganizerRequestContext>

    init(router: Router<ArenaRequestContext>, ledger: RouteLedger) {
        anyone = PolicyRouterGroup(policy: .anyone, group: router.group(), ledger: ledger)
        team = PolicyRouterGroup(
            policy: .team, group: router.group(context: TeamRequestContext.self), ledger: ledger)
        organizer = PolicyRouterGroup(
            policy: .organizer, group: router.group(context: OrganizerRequestContext.self), ledger: ledger)
    }
}
