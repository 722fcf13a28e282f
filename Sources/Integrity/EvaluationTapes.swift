/// Every run of an evaluation as tapes, in run-id order, with the teams indexed across runs.
///
/// Teams are identified by their team id; the global index is the position in ``teamIDs``
/// (sorted by UTF-8 bytes), so results never depend on the order the transcripts came in.
struct EvaluationTapes: Sendable {
    /// Tapes sorted by run id (UTF-8 bytes).
    let tapes: [HeatTape]
    /// Every team id, sorted by UTF-8 bytes.
    let teamIDs: [String]
    /// Each team's label (from its first run in run order).
    let labels: [String]
    /// For each tape, the global index of each of its teams.
    let globalIndex: [[Int]]

    init(_ tapes: [HeatTape]) {
        self.tapes = tapes.sorted { Self.precedes($0.runID, $1.runID) }
        var labelOf: [String: String] = [:]
        for tape in self.tapes {
            for team in tape.teams where labelOf[team.teamID] == nil { labelOf[team.teamID] = team.label }
        }
        teamIDs = labelOf.keys.sorted(by: Self.precedes)
        labels = teamIDs.map { labelOf[$0] ?? "" }
        var position: [String: Int] = [:]
        for (index, id) in teamIDs.enumerated() { position[id] = index }
        globalIndex = self.tapes.map { tape in tape.teams.map { position[$0.teamID] ?? 0 } }
    }

    /// Byte order of UTF-8 strings (locale- and normalisation-free).
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// A team reference for the report.
    func team(_ index: Int) -> TeamRef { TeamRef(teamID: teamIDs[index], label: labels[index]) }
}
