import AuditLog
import Foundation

/// Options shared by the run and contest flows of `arena verify`.
struct VerifyFlowOptions: Sendable {
    /// `--contest`: the contest the run must belong to.
    var requestedContest: String?
    /// `--commitment FILE`: a seed commitment saved before the runs.
    var commitmentFile: String?
    var json: Bool

    /// The saved commitment, if one was given.
    func savedCommitment() throws -> SeedCommitment? {
        guard let commitmentFile else { return nil }
        return try SeedCommitment.decode(canonical: try VerifyArtifacts.read(commitmentFile))
    }
}

/// The keys a flow trusts and the notes about them.
struct VerifyKeys {
    var trusted: [PublicKeyInfo]
    var pinned: Bool
    var warnings: [String]

    /// Combines what the source serves at `/v1/keys` with what the user pinned.
    static func resolve(_ artifacts: VerifyArtifacts, _ pinning: KeyPinning) async throws -> VerifyKeys {
        let served = try await artifacts.keys().map { try PublicKeyInfo.decodeList(json: Data($0)) } ?? []
        let (trusted, warnings) = pinning.trusted(served: served)
        return VerifyKeys(trusted: trusted, pinned: pinning.isPinned, warnings: warnings)
    }

    /// Replays a run and checks its attestation bytes with these keys.
    func replay(transcript: [UInt8], attestation: [UInt8]) -> VerificationReport {
        let verifier = TranscriptVerifier(
            configuration: .init(requireAttestation: true, equityCurves: true, pinnedKeys: pinned))
        return verifier.verify(transcriptBytes: transcript, attestationJSON: attestation, publicKeys: trusted)
    }
}

/// `arena verify RUN`: the transcript, then the claims about it.
struct VerifyRunFlow {
    let artifacts: VerifyArtifacts
    let pinning: KeyPinning
    let options: VerifyFlowOptions

    func verify(run: String, source: String) async throws -> Bool {
        let transcript = try await artifacts.transcript(run: run)
        let attestation = try await artifacts.attestation(run: run)
        let keys = try await VerifyKeys.resolve(artifacts, pinning)
        var report = keys.replay(transcript: transcript, attestation: attestation)
        var claims = RunClaims(
            requestedRun: run, requestedContest: options.requestedContest,
            savedCommitment: try options.savedCommitment())
        var warnings = keys.warnings
        if let contestID = options.requestedContest ?? report.contestID {
            let loader = VerifyBoardLoader(artifacts: artifacts, trusted: keys.trusted, pinned: keys.pinned)
            claims.contest = try await loader.contest(contestID)
            if claims.contest == nil {
                warnings.append(
                    "contest \(contestID) is not published by \(artifacts.name): its definition hash is not compared")
            }
            let loaded = try await loader.board(contestID, contest: claims.contest)
            warnings += loaded.warnings
            if let failure = loaded.failure {
                report.check("board", failure, detail: "")
            } else if loaded.board != nil {
                report.check("board", nil, detail: loaded.detail)
                claims.board = loaded.board
            } else {
                report.skip("board", because: "no board published")
            }
        }
        claims.check(&report)
        report.warnings += warnings
        VerifyOutput.printRun(report, source: source, json: options.json)
        return report.verified
    }
}
