import AuditLog
import MarketEngine
import MarketModel

/// Builds a ``ReplayDocument`` from a transcript. Decoding is `AuditLog`'s own
/// (`Transcript.decode`: decompression, framing, file digest, hash chain — what `arena verify`
/// reads); the checks shown are `TranscriptVerifier`'s (structure, digest, chain, signature),
/// and the series come from re-running the engine on the recorded commands, each tick's events
/// compared with the recorded ones. The drawn events are the recorded ones.
struct ReplayBuilder: Sendable {
    var limits = ReplayLimits()

    func build(_ input: ReplayInput) throws(ReplayError) -> ReplayDocument {
        let transcript: Transcript
        let records: [TickRecord]
        let market: MarketConfiguration
        do {
            (transcript, records) = try Transcript.decode(input.transcript)
            market = try transcript.header.configuration()
        } catch {
            throw ReplayError(
                code: "transcript_unreadable", message: "the transcript does not decode: \(error.message)")
        }
        let header = transcript.header
        guard records.count <= limits.ticks, records.count * max(1, header.members.count) <= limits.samples else {
            throw ReplayError(
                code: "replay_too_large",
                message: "\(records.count) ticks × \(header.members.count) teams is more than the viewer serves;"
                    + " use `arena verify` on the transcript")
        }
        var pass = ReplayPass(transcript: transcript, market: market, limits: limits, ticks: records.count)
        pass.run(records)
        let verification = verify(input, transcript: transcript, replay: pass)
        return ReplayDocument(
            runId: input.runId, contestId: input.contestId, round: input.round, heat: input.heat,
            published: input.published,
            view: "full", engineVersion: header.engineVersion,
            seed: input.seedPublic || input.published ? String(header.seed) : nil, ticks: records.map(\.tick),
            tickMilliseconds: market.tickMilliseconds, equityStride: pass.stride, bookDepth: limits.bookDepth,
            instruments: pass.instruments,
            teams: pass.teams(results: transcript.results), fills: pass.fills, positions: pass.positions,
            funding: pass.funding, incidents: pass.incidents, truncated: pass.truncated, verification: verification)
    }

    /// The verifier's integrity checks plus this pass's replay comparison.
    private func verify(_ input: ReplayInput, transcript: Transcript, replay: ReplayPass) -> ReplayVerification {
        let verifier = TranscriptVerifier(configuration: .init(requireAttestation: true, replay: false))
        let report = verifier.verify(
            transcriptBytes: input.transcript, attestationJSON: input.attestation, publicKeys: input.keys)
        var checks: [ReplayVerification.Check] = []
        for check in report.checks {
            if check.name == "replay" {
                let detail =
                    replay.mismatchTick.map { "the engine's events differ from the transcript at tick \($0)" }
                    ?? "\(replay.eventCount) events re-produced by the engine match the transcript"
                checks.append(.init(name: "replay", passed: replay.mismatchTick == nil, detail: detail))
            } else if check.name == "results", check.passed == nil {
                checks.append(
                    .init(
                        name: "results", passed: nil,
                        detail: "recorded results shown; `arena verify` recomputes them from the replay"))
            } else {
                checks.append(.init(name: check.name, passed: check.passed, detail: check.detail))
            }
        }
        func passed(_ name: String) -> Bool? { report.checks.first { $0.name == name }?.passed ?? nil }
        return ReplayVerification(
            verified: report.verified && replay.mismatchTick == nil, checks: checks,
            transcriptRoot: (report.root ?? transcript.root).hex, keyId: report.keyID,
            attestation: input.attestation.map { String(decoding: $0, as: UTF8.self) },
            chainValid: passed("chain"), signatureValid: passed("attestation"),
            command: "arena verify \(input.runId)")
    }
}
