import Crypto

extension TranscriptVerifier {
    /// The first difference between recomputed and recorded results, or `nil`.
    static func compare(_ expected: RunResults, _ found: RunResults) -> Divergence? {
        if expected == found { return nil }
        func failure(_ what: String, _ lhs: Any, _ rhs: Any) -> Divergence {
            Divergence(
                .resultsMismatch, expected: "\(lhs)", found: "\(rhs)",
                message: "recorded \(what) differs from the recomputed value")
        }
        if expected.tickCount != found.tickCount { return failure("tick count", expected.tickCount, found.tickCount) }
        if expected.finalStateHash != found.finalStateHash {
            return failure("final state hash", expected.finalStateHash, found.finalStateHash)
        }
        if expected.teams.count != found.teams.count {
            return failure("team count", expected.teams.count, found.teams.count)
        }
        for (mine, theirs) in zip(expected.teams, found.teams) where mine != theirs {
            let lhs = Mirror(reflecting: mine).children
            let rhs = Mirror(reflecting: theirs).children
            for (left, right) in zip(lhs, rhs) where "\(left.value)" != "\(right.value)" {
                return failure(
                    "\(left.label ?? "field") of team \(mine.label) (slot \(mine.slot))", left.value, right.value)
            }
            return failure("result of team \(mine.label)", mine, theirs)
        }
        return failure("results", expected, found)
    }

    /// Checks the attestation against the manifest the verified transcript implies.
    func checkAttestation(
        _ input: AttestationInput, expected: RunManifest, publicKeys: [PublicKeyInfo], header: TranscriptHeader,
        report: inout VerificationReport
    ) {
        let attestation: Attestation?
        switch input {
        case .invalid(let failure):
            report.check("attestation", failure, detail: "")
            return
        case .parsed(let parsed): attestation = parsed
        }
        guard let attestation else {
            if configuration.requireAttestation {
                report.check(
                    "attestation", Divergence(.missingAttestation, message: "no attestation was supplied"), detail: "")
            } else {
                report.skip("attestation", because: "not supplied")
                report.warnings.append("the transcript is not signed: it is self-consistent but not attested")
            }
            return
        }
        if let field = Self.firstDifference(expected, attestation.manifest) {
            report.check(
                "attestation",
                Divergence(
                    .manifestMismatch, expected: field.expected, found: field.found,
                    message: "the attestation's \(field.name) does not match the transcript"), detail: "")
            return
        }
        let (signatureFailure, signer) = signatureCheck(attestation, publicKeys: publicKeys)
        if let signatureFailure {
            report.check("attestation", signatureFailure, detail: "")
            return
        }
        guard let entry = signer else { return }
        if attestation.keyID != header.attestationKeyID {
            report.warnings.append(
                "signed with key \(attestation.keyID); the run started under \(header.attestationKeyID)")
        }
        report.keyID = attestation.keyID
        report.manifest = attestation.manifest
        report.check(
            "attestation", nil,
            detail: "ed25519 signature by \(attestation.keyID)\(entry.active ? "" : " (retired key)")")
    }

    /// The trusted key that signed `attestation`, or why there is none: an unknown (or, when
    /// pinned, untrusted) key id, or a signature that does not verify. Needs only the attestation,
    /// so it runs before a byte of the transcript is decoded.
    func signatureCheck(_ attestation: Attestation, publicKeys: [PublicKeyInfo]) -> (Divergence?, PublicKeyInfo?) {
        guard let entry = publicKeys.first(where: { $0.keyID == attestation.keyID }), let key = entry.key() else {
            let known = publicKeys.map(\.keyID)
            if configuration.pinnedKeys {
                return (
                    Divergence(
                        .untrustedKey, expected: known.joined(separator: ","), found: attestation.keyID,
                        message:
                            "the signing key \(attestation.keyID) is not in the pinned set (\(known.joined(separator: ", ")))"
                    ), nil
                )
            }
            return (
                Divergence(
                    .unknownKey, expected: known.joined(separator: ","), found: attestation.keyID,
                    message: "the signing key \(attestation.keyID) is not a published key"), nil
            )
        }
        guard attestation.verify(publicKey: key) else {
            return (
                Divergence(
                    .signatureInvalid, found: attestation.signature,
                    message: "the Ed25519 signature does not verify with key \(attestation.keyID)"), nil
            )
        }
        return (nil, entry)
    }

    /// Why the transcript must not be decoded at all, or `nil`: checked before decoding, so a
    /// hostile file costs the verifier one signature check unless a trusted key vouches for the
    /// claim it comes with. An attestation that is not canonical, missing (when required), by an
    /// unknown key or with a bad signature stops here; a genuine attestation whose
    /// `transcript_sha256` names other bytes does not — the replay still runs (bounded by the
    /// reader's per-record caps) so the report can say at which tick the bytes were changed.
    func gateBeforeDecoding(_ input: AttestationInput, publicKeys: [PublicKeyInfo]) -> Divergence? {
        switch input {
        case .invalid(let failure): return failure
        case .parsed(nil):
            guard configuration.requireAttestation else { return nil }
            return Divergence(
                .missingAttestation,
                message:
                    "no attestation was supplied (an unsigned file is replayed only when unsigned files are allowed)")
        case .parsed(let attestation?): return signatureCheck(attestation, publicKeys: publicKeys).0
        }
    }

    private static func firstDifference(_ expected: RunManifest, _ found: RunManifest) -> (
        name: String, expected: String, found: String
    )? {
        let pairs: [(String, String, String)] = [
            ("version", "\(expected.version)", "\(found.version)"),
            ("run_id", expected.runID, found.runID),
            ("contest_id", expected.contestID, found.contestID),
            ("config_hash", expected.configurationHash.hex, found.configurationHash.hex),
            ("seed", "\(expected.seed)", "\(found.seed)"),
            ("engine_version", expected.engineVersion, found.engineVersion),
            ("transcript_root", expected.transcriptRoot.hex, found.transcriptRoot.hex),
            ("results_digest", expected.resultsDigest.hex, found.resultsDigest.hex),
            ("tick_count", "\(expected.tickCount)", "\(found.tickCount)"),
            ("transcript_sha256", expected.transcriptSHA256.hex, found.transcriptSHA256.hex),
        ]
        return pairs.first { $0.1 != $0.2 }.map { (name: $0.0, expected: $0.1, found: $0.2) }
    }
}
