import APIModels
import AuditLog
import Foundation
import HTTPTypes
import Storage

/// Builds replays off Swift's cooperative pool (a replay re-runs the engine: CPU-bound) on at
/// most `threads` threads with a short queue — past it the API answers `503 replay_busy` — and
/// keeps the last few in a cache.
final class ReplayService: Sendable {
    let builder: ReplayBuilder
    let cache: ReplayCache
    private let executor: ValidationExecutor

    init(builder: ReplayBuilder = ReplayBuilder(), threads: Int = 1, queueLimit: Int = 4, cacheCapacity: Int = 6) {
        self.builder = builder
        self.cache = ReplayCache(capacity: cacheCapacity)
        self.executor = ValidationExecutor(threads: threads, queueLimit: queueLimit)
    }

    /// The full replay of `input`'s run, from the cache or built now.
    func document(_ input: ReplayInput) async throws -> ReplayDocument {
        try await built(input).document
    }

    /// The full replay and its JSON body, from the cache or built and encoded now (both on the
    /// replay thread, off the cooperative pool).
    func built(_ input: ReplayInput) async throws -> ReplayCache.Built {
        let key = Self.key(input)
        if let cached = cache.built(for: key) { return cached }
        let builder = self.builder
        let result: Result<ReplayCache.Built, ReplayError>
        do {
            result = try await executor.run { () -> Result<ReplayCache.Built, ReplayError> in
                do throws(ReplayError) {
                    let document = try builder.build(input)
                    guard let json = try? APIJSON.encoder().encode(document) else {
                        return .failure(
                            ReplayError(code: "replay_unencodable", message: "the replay could not be encoded"))
                    }
                    return .success(ReplayCache.Built(document: document, json: json))
                } catch { return .failure(error) }
            }
        } catch is ValidationExecutor.Busy {
            throw APIError(
                .serviceUnavailable, code: "replay_busy", "the server is building other replays; retry in a moment",
                headers: [.retryAfter: "2"])
        }
        switch result {
        case .success(let built):
            cache.store(built, for: key)
            return built
        case .failure(let error):
            throw APIError(.unprocessableContent, code: error.code, error.message)
        }
    }

    /// Run, transcript (its stored trailing digest), attestation and publication state.
    static func key(_ input: ReplayInput) -> String {
        let digest = input.transcript.count >= 32 ? Hash256(bytes: Array(input.transcript.suffix(32))).hex : ""
        let attestation = input.attestation.map { Hash256.of($0).hex } ?? "-"
        return "\(input.runId):\(input.transcript.count):\(digest):\(attestation):\(input.published)"
    }
}
