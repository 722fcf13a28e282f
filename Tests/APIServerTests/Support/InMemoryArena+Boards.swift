import APIServer
import Foundation
import Storage

extension InMemoryArena: BoardReading {
    /// No runner plans evaluations in memory: there are no seed commitments.
    func evaluationSeeds(contestId: String, evaluationId: Int64?) async throws -> [EvaluationSeedRecord] { [] }
}
