import ContestModel
import Storage

extension ContestReading {
    /// The contest `id` (`404 not_found` when there is none).
    func existingContest(_ id: String) async throws -> ContestRecord {
        guard let contest = try await contest(id: id) else { throw APIError.notFound("contest") }
        return contest
    }

    /// The rules of contest `id` (`404 not_found` when there is none).
    func definition(contestId id: String) async throws -> ContestDefinition {
        try ContestDefinition.decode(json: try await existingContest(id).definitionJSON)
    }
}
