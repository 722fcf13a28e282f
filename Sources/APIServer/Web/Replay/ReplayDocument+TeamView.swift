extension ReplayDocument {
    /// A team's own view of a run before publication: the market (prices, book depth) and its
    /// own fills, positions, funding, equity and incidents; no other team's name, id, submission,
    /// equity or activity, and not the attestation (organizers only until publication).
    func teamView(teamId: Int64) -> ReplayDocument? {
        guard let own = teams.first(where: { $0.teamId == String(teamId) }) else { return nil }
        var view = self
        view.view = "team"
        view.teams = [own]
        view.fills = fills.only(slot: own.slot)
        view.positions = positions.only(slot: own.slot)
        view.funding = funding.only(slot: own.slot)
        view.incidents = incidents.filter { $0.slot == own.slot || $0.slot == nil && $0.kind != "fault" }
        view.verification.attestation = nil
        return view
    }
}
