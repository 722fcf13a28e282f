import ContestModel
import Foundation
import Testing

/// Registration controls in contest definitions: parsed from YAML, validated, and left out of
/// the canonical JSON when unused (so existing definitions keep their hash).
struct RegistrationSettingsTests {
    static func yaml(_ registration: String) -> String {
        """
        id: reg
        name: Registration
        market: { instruments: [BTC-PERP], tick_ms: 1000 }
        evaluation: { ticks: 20, heat_size: 8, starting_balance: "10000", rounds: [{seed: 11, public: true}] }
        registration: \(registration)
        """
    }

    @Test func controlsAreParsed() throws {
        let definition = try ContestDefinitionLoader.parse(
            Self.yaml(
                "{ invite_only: true, max_teams: 500, max_teams_per_address: 3, team_size: { min: 2, max: 4 } }"))
        let r = definition.registration
        #expect(r.open && r.inviteOnly && r.maxTeams == 500 && r.maxTeamsPerAddress == 3)
        #expect(r.teamSize == RegistrationSettings.TeamSize(min: 2, max: 4))
        let json = try definition.canonicalJSON()
        #expect(json.contains(#""invite_only":true"#) && json.contains(#""team_size":{"max":4,"min":2}"#))
        #expect(try ContestDefinition.decode(json: json) == definition)
    }

    @Test func unusedControlsKeepTheCanonicalJSON() throws {
        let definition = try ContestDefinitionLoader.parse(Self.yaml("{ open: true }"))
        #expect(try definition.canonicalJSON().contains(#""registration":{"open":true}"#))
    }

    @Test func outOfRangeControlsAreRefused() {
        for (registration, field) in [
            ("{ max_teams: 0 }", "registration.max_teams"),
            ("{ max_teams_per_address: 0 }", "registration.max_teams_per_address"),
            ("{ team_size: { min: 3, max: 2 } }", "registration.team_size"),
        ] {
            #expect(throws: ContestError.self, "\(registration)") {
                try ContestDefinitionLoader.parse(Self.yaml(registration))
            }
            do {
                _ = try ContestDefinitionLoader.parse(Self.yaml(registration))
            } catch {
                #expect(error.field == field)
            }
        }
    }
}
