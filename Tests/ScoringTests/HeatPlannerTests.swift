import Scoring
import Testing

@Suite struct HeatPlannerTests {
    @Test func everyTeamPlaysOncePerRoundInBalancedHeats() {
        let teams = Array(Int64(1)...19)
        let heats = HeatPlanner.plan(
            teams: teams, rounds: [(seed: 1, isPublic: true), (seed: 2, isPublic: false)],
            heatSize: 8)
        for round in 0..<2 {
            let roundHeats = heats.filter { $0.round == round }
            #expect(roundHeats.count == 3)
            #expect(roundHeats.map(\.teams.count).sorted() == [6, 6, 7])
            #expect(roundHeats.flatMap(\.teams).sorted() == teams)
        }
        #expect(heats.filter { $0.round == 1 }.allSatisfy { !$0.seedPublic })
    }

    @Test func planningIsReproducibleAndReshufflesBetweenRounds() {
        let teams = Array(Int64(1)...16)
        let a = HeatPlanner.plan(
            teams: teams, rounds: [(seed: 5, isPublic: true), (seed: 6, isPublic: true)], heatSize: 4)
        let b = HeatPlanner.plan(
            teams: teams.reversed(), rounds: [(seed: 5, isPublic: true), (seed: 6, isPublic: true)],
            heatSize: 4)
        #expect(a == b, "same teams and seeds give the same heats, whatever the input order")
        #expect(a.filter { $0.round == 0 }.map(\.teams) != a.filter { $0.round == 1 }.map(\.teams))
    }
}
