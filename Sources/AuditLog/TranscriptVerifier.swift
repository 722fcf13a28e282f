import Foundation
import MarketEngine
import MarketModel

/// Verifies a transcript offline: re-creates the engine from the header, re-applies every recorded
/// command, compares every event, recomputes the chain and the results, and checks the attestation.
///
/// Needs no bots and no database. The attestation's signature is checked first, before the
/// transcript is decoded (a file no trusted key vouches for is not replayed: hostile bytes cost one
/// signature check); then checks run in a fixed order (structure, configuration, replay, chain,
/// results, file digest, the attestation's manifest) and the first failure is the report's
/// ``VerificationReport/divergence``: an edited fill is reported as the event that differs (tick
/// and index), not merely as a digest mismatch.
public struct TranscriptVerifier: Sendable {
    /// The options.
    public let configuration: TranscriptVerifierConfiguration

    /// Creates a verifier.
    public init(configuration: TranscriptVerifierConfiguration = TranscriptVerifierConfiguration()) {
        self.configuration = configuration
    }

    /// Verifies with default options.
    public static func verify(
        transcriptBytes: [UInt8], attestation: Attestation?, publicKeys: [PublicKeyInfo]
    ) -> VerificationReport {
        TranscriptVerifier().verify(transcriptBytes: transcriptBytes, attestation: attestation, publicKeys: publicKeys)
    }

    /// Verifies `transcriptBytes` and, when given, `attestation` against the trusted `publicKeys`.
    public func verify(transcriptBytes: [UInt8], attestation: Attestation?, publicKeys: [PublicKeyInfo])
        -> VerificationReport
    {
        verify(transcriptBytes: transcriptBytes, attestation: .parsed(attestation), publicKeys: publicKeys)
    }

    /// Verifies `transcriptBytes` and the attestation exactly as served (`attestationJSON`): the
    /// bytes must be the canonical signed form (``Attestation/decodeCanonical(json:)``), otherwise
    /// the attestation check fails with ``Divergence/Code/attestationNotCanonical``.
    public func verify(transcriptBytes: [UInt8], attestationJSON: [UInt8]?, publicKeys: [PublicKeyInfo])
        -> VerificationReport
    {
        guard let attestationJSON else {
            return verify(transcriptBytes: transcriptBytes, attestation: .parsed(nil), publicKeys: publicKeys)
        }
        do {
            let attestation = try Attestation.decodeCanonical(json: attestationJSON)
            return verify(transcriptBytes: transcriptBytes, attestation: .parsed(attestation), publicKeys: publicKeys)
        } catch {
            return verify(
                transcriptBytes: transcriptBytes,
                attestation: .invalid(Divergence(.attestationNotCanonical, message: error.message)),
                publicKeys: publicKeys)
        }
    }

    /// The attestation as given: parsed (or absent), or unusable with the reason.
    enum AttestationInput {
        case parsed(Attestation?)
        case invalid(Divergence)
    }

    func verify(transcriptBytes: [UInt8], attestation: AttestationInput, publicKeys: [PublicKeyInfo])
        -> VerificationReport
    {
        var report = VerificationReport()
        if let refusal = gateBeforeDecoding(attestation, publicKeys: publicKeys) {
            report.check("attestation", refusal, detail: "")
            for name in ["structure", "configuration", "replay", "chain", "results", "file_digest"] {
                report.skip(name, because: "not decoded: no trusted signature covers this transcript")
            }
            return report
        }
        let reader: TranscriptReader
        do {
            reader = try TranscriptReader(bytes: transcriptBytes)
        } catch {
            report.check("structure", Divergence(.malformedTranscript, message: error.description), detail: "")
            for name in ["configuration", "replay", "chain", "results", "file_digest", "attestation"] {
                report.skip(name, because: "transcript unreadable")
            }
            return report
        }
        let header = reader.header
        report.runID = header.runID
        report.contestID = header.contestID
        report.contestConfigurationHash = header.contestConfigurationHash
        report.seed = header.seed
        report.members = header.members
        report.engineVersion = header.engineVersion
        if let local = configuration.localEngineVersion, local != header.engineVersion {
            report.warnings.append("transcript was produced by engine \(header.engineVersion); replaying with \(local)")
        }
        let digestFailure =
            reader.storedFileDigest == reader.computedFileDigest
            ? nil
            : Divergence(
                .fileDigestMismatch, expected: reader.computedFileDigest.hex, found: reader.storedFileDigest.hex,
                message: "the file's bytes do not match its trailing SHA-256")
        let (market, configurationFailure) = Self.checkConfiguration(header)
        var replay = ReplayState(reader: reader, market: market, configuration: configuration)
        replay.run()

        report.check(
            "structure", replay.structureFailure,
            detail: "\(replay.ticks) tick records, format v\(reader.version)")
        report.check("configuration", configurationFailure, detail: header.configurationHash.hex)
        if replay.replayed {
            report.check(
                "replay", replay.eventFailure, detail: "\(replay.events) events from \(replay.commands) commands match")
        } else {
            report.skip("replay", because: market == nil ? "no usable configuration" : "replay disabled")
        }
        report.ticks = replay.ticks
        report.events = replay.events
        report.commands = replay.commands
        report.root = replay.chain.head
        if let trailer = replay.trailer {
            let chainFailure =
                trailer.root == replay.chain.head
                ? nil
                : Divergence(
                    .chainRootMismatch, expected: replay.chain.head.hex, found: trailer.root.hex,
                    message: "the recomputed hash chain root differs from the recorded root")
            report.check("chain", chainFailure, detail: replay.chain.head.hex)
        } else {
            report.skip("chain", because: "no trailer")
        }
        if let recomputed = replay.results, let trailer = replay.trailer, replay.eventFailure == nil {
            report.results = recomputed
            report.equity = replay.teamEquity
            report.check(
                "results", Self.compare(recomputed, trailer.results), detail: "\(recomputed.teams.count) teams")
        } else {
            report.skip("results", because: "replay did not complete")
        }
        report.check("file_digest", digestFailure, detail: reader.computedFileDigest.hex)
        let resultsDigest = replay.results?.digest ?? replay.trailer?.results.digest
        if let resultsDigest {
            let expected = RunManifest(
                runID: header.runID, contestID: header.contestID, configurationHash: header.configurationHash,
                seed: header.seed, engineVersion: header.engineVersion, transcriptRoot: replay.chain.head,
                resultsDigest: resultsDigest, tickCount: Int64(replay.ticks),
                transcriptSHA256: reader.computedFileDigest)
            checkAttestation(attestation, expected: expected, publicKeys: publicKeys, header: header, report: &report)
        } else {
            report.skip("attestation", because: "no results to attest")
        }
        return report
    }

    private static func checkConfiguration(_ header: TranscriptHeader) -> (MarketConfiguration?, Divergence?) {
        let actual = Hash256.of(header.configurationJSON)
        guard actual == header.configurationHash else {
            return (
                nil,
                Divergence(
                    .configurationMismatch, expected: actual.hex, found: header.configurationHash.hex,
                    message: "the embedded configuration does not hash to the recorded hash")
            )
        }
        do {
            let market = try header.configuration()
            let canonical = try TranscriptHeader.canonicalJSON(market)
            guard canonical == header.configurationJSON else {
                return (
                    market,
                    Divergence(
                        .configurationMismatch, expected: String(decoding: canonical, as: UTF8.self),
                        found: String(decoding: header.configurationJSON, as: UTF8.self),
                        message: "the embedded configuration is not in canonical form (re-encoding changes it)")
                )
            }
            return (market, nil)
        } catch {
            return (nil, Divergence(.configurationMismatch, message: error.description))
        }
    }
}
