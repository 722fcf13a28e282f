import ContestModel
import Integrity
import Testing

/// The `integrity:` section of a contest definition.
@Suite("Integrity settings")
struct IntegritySettingsTests {
    static let base = """
        id: fair
        name: Fair Cup
        """

    @Test("a definition without the section has none, encodes none, and gets the defaults")
    func absent() throws {
        let definition = try ContestDefinitionLoader.parse(Self.base)
        #expect(definition.integrity == nil)
        #expect(!(try definition.canonicalJSON()).contains("integrity"))
        #expect(IntegrityThresholds(definition.integritySettings) == .defaults)
        #expect(IntegrityHeat.demo.integrity == nil, "the demo contest keeps its definition hash")
    }

    @Test("named values replace the defaults; the rest stay")
    func partial() throws {
        let definition = try ContestDefinitionLoader.parse(
            Self.base + """

                integrity:
                  transfer: { min_usdt: "120.5", min_one_sided: "0.9" }
                  copying: { max_lag_ticks: 60 }
                  spoofing: { field_multiple: "25" }
                """)
        let thresholds = IntegrityThresholds(definition.integritySettings)
        #expect(thresholds.transferMinUnits == 12_050_000_000)
        #expect(thresholds.transferMinOneSidedPPM == 900_000)
        #expect(thresholds.transferMinFills == IntegrityThresholds.defaults.transferMinFills)
        #expect(thresholds.copyMaxLag == 60)
        #expect(thresholds.spoofFieldMultiplePPM == 25_000_000)
        #expect(thresholds.washWindowTicks == 20)
        let roundTrip = try ContestDefinition.decode(json: try definition.canonicalJSON())
        #expect(roundTrip == definition)
    }

    @Test("linked teams: groups by name, numbered from 1, kept through the canonical JSON")
    func linkedTeams() throws {
        let definition = try ContestDefinitionLoader.parse(
            Self.base + """

                integrity:
                  linked_teams: [[alpha, alpha-2], [quant-club, quant-club-b, quant-club-c]]
                """)
        let settings = definition.integritySettings
        let heat = [(0, "quant-club-c"), (1, "alpha"), (2, "solo"), (3, "quant-club"), (4, "alpha-2")]
        #expect(
            settings.selfTradeAssignments(heat).map { [$0.slot, Int($0.group)] } == [
                [0, 2], [1, 1], [3, 2], [4, 1],
            ])
        #expect(settings.selfTradeAssignments([(0, "alpha"), (1, "quant-club")]).isEmpty, "one of each group: no link")
        // Byte-exact names: a look-alike (the Kelvin sign, U+212A) is another team, though Swift
        // finds the two strings equal.
        let kelvin = IntegritySettings(linkedTeams: [["K", "kappa"]])
        #expect("K" == "\u{212A}")
        #expect(kelvin.selfTradeAssignments([(0, "\u{212A}"), (1, "kappa")]).isEmpty)
        #expect(kelvin.selfTradeAssignments([(0, "K"), (1, "kappa")]).count == 2)
        let json = try definition.canonicalJSON()
        #expect(json.contains("\"linked_teams\":[[\"alpha\",\"alpha-2\"]"))
        #expect(try ContestDefinition.decode(json: try definition.canonicalJSON()) == definition)
        let unlinked = try ContestDefinitionLoader.parse(Self.base + "\nintegrity:\n  wash: { window_ticks: 5 }")
        #expect(!(try unlinked.canonicalJSON()).contains("linked_teams"))
    }

    @Test(
        "out-of-range values are refused with the field's path",
        arguments: [
            ("transfer: { min_one_sided: \"1.5\" }", "integrity.transfer.min_one_sided"),
            ("wash: { window_ticks: 0 }", "integrity.wash.window_ticks"),
            ("copying: { min_lag_ticks: 10, max_lag_ticks: 5 }", "integrity.copying.max_lag_ticks"),
            ("spoofing: { min_order_to_fill: \"0.5\" }", "integrity.spoofing.min_order_to_fill"),
            ("transfer: { min_usdt: \"-1\" }", "integrity.transfer.min_usdt"),
            ("linked_teams: [[solo]]", "integrity.linked_teams"),
            ("linked_teams: [[a, a]]", "integrity.linked_teams"),
            ("linked_teams: [[a, b], [b, c]]", "integrity.linked_teams"),
            ("linked_teams: [[a, \"  \"]]", "integrity.linked_teams"),
        ])
    func invalid(_ section: String, _ field: String) {
        #expect {
            _ = try ContestDefinitionLoader.parse(Self.base + "\nintegrity:\n  " + section)
        } throws: { error in
            (error as? ContestError)?.field == field
        }
    }
}
