import APIModels
public import AuditLog
public import Foundation
import HTTPTypes

/// What `arena-bench replay` measures: the server's cost of opening a run in the replay viewer
/// (``ReplayBuilder`` — decoding, the verifier's integrity checks, the engine replay with
/// samples — then the JSON encoding of `GET /v1/runs/{id}/replay`), on a transcript file.
public enum ReplayBenchmark {
    /// One measurement.
    public struct Result: Sendable {
        public var buildSeconds: Double
        public var encodeSeconds: Double
        public var bytes: Int
        public var ticks: Int
        public var teams: Int
        public var fills: Int
        public var verified: Bool
        /// The response body.
        public var json: Data
    }

    /// Builds and encodes the replay of `transcript` once.
    public static func measure(transcript: [UInt8], attestation: [UInt8]?, keys: [PublicKeyInfo]) throws -> Result {
        let input = ReplayInput(
            runId: 1, contestId: "bench", round: 0, heat: 0, seedPublic: true, published: true, transcript: transcript,
            attestation: attestation, keys: keys)
        let clock = ContinuousClock()
        let start = clock.now
        let document: ReplayDocument
        do {
            document = try ReplayBuilder().build(input)
        } catch {
            throw APIError(.unprocessableContent, code: error.code, error.message)
        }
        let built = clock.now
        let json = try APIJSON.encoder().encode(document)
        let encoded = clock.now
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        return Result(
            buildSeconds: seconds(built - start), encodeSeconds: seconds(encoded - built), bytes: json.count,
            ticks: document.ticks.count, teams: document.teams.count, fills: document.fills.count,
            verified: document.verification.verified, json: json)
    }
}
