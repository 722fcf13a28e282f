extension ContestDefinitionLoader {
    /// Checks the registration controls (caps and team size).
    static func validateRegistration(_ r: RegistrationSettings) throws(ContestError) {
        if let max = r.maxTeams, !(1...1_000_000).contains(max) {
            throw ContestError(.invalid, field: "registration.max_teams", "must be 1..1000000")
        }
        if let max = r.maxTeamsPerAddress, !(1...10_000).contains(max) {
            throw ContestError(.invalid, field: "registration.max_teams_per_address", "must be 1..10000")
        }
        if let size = r.teamSize, !(1...64).contains(size.min) || !(size.min...64).contains(size.max) {
            throw ContestError(.invalid, field: "registration.team_size", "needs 1 <= min <= max <= 64")
        }
    }
}
