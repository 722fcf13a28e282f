import APIModels
import ArgumentParser
import AuditLog
import Foundation

/// `arena verify`: replays runs offline (no bots, no database), checks every event, the results,
/// the hash chain and the attestation, and then checks the *claim*: that the transcript is the
/// run asked for, under the published contest definition, with the board's seed, root and scores
/// (docs/AUDIT.md). `--contest` does this for every run of a board and recomputes its ranks.
///
/// Exit codes: 0 verified, 1 a check failed (one reason line per failure), 2 usage or I/O error.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a run, or a contest's whole board, against its transcripts: replay, signature and claims.",
        discussion: """
            SOURCE is a run id (fetched from the profile's server, with its token, so organizers \
            can verify before publication), a run URL such as https://arena.example/v1/runs/RUN_ID, \
            a board URL such as https://arena.example/v1/contests/ID/board, or a transcript file.

            For a run, verify replays the transcript and checks the attestation (whose bytes must \
            be exactly the canonical signed form), then that the transcript is the run asked for, \
            that its contest and contest configuration hash are the published contest's, that its \
            seed is the board's (and the one derived from the revealed seed commitment), that its \
            root is the board's, and that every team's score recomputed from the replay is the \
            board's. With --contest (or a board URL) it verifies every run on the board, then \
            recomputes the ranks with the contest's scoring rule and reports the first row that \
            does not follow, then recomputes the contest's integrity report (docs/INTEGRITY.md) \
            from the verified transcripts and requires the server's to be the same bytes.

            Keys: by default the keys served at /v1/keys are trusted, so the only trust anchor is \
            the server itself (a warning says so). Pin keys obtained out of band with --key HEX, \
            --fingerprint KEY_ID (repeatable) or --keys FILE; then a signature by any other key fails.

            Offline: --download DIR saves everything checked into DIR; --from DIR verifies from \
            such a directory without the network.

            Exit status: 0 verified, 1 a check failed, 2 usage or I/O error.

            Examples:
              arena verify 17
              arena verify 17 --fingerprint 3f2a9c0d11b4e6a7
              arena verify --contest demo --download ./demo-audit
              arena verify --contest demo --from ./demo-audit --key 9c1e…
              arena verify https://arena.example/v1/contests/demo/board --json
              arena verify run.transcript --attestation run.attestation.json --keys keys.json
            """)

    @Argument(help: "Run id, run URL, board URL or transcript file (omit with --contest).")
    var source: String?

    @Option(help: "Verify this contest's whole board (or, with a run, require the run to be of it).")
    var contest: String?

    @Option(help: "Attestation JSON file (with a transcript file).")
    var attestation: String?

    @Option(help: "Public keys JSON file obtained out of band: a list of {key_id, public_key, active}; pins them.")
    var keys: String?

    @Option(name: .customLong("key"), help: "Pin a public key: 64 hex digits of the raw Ed25519 key (repeatable).")
    var pinnedKeys: [String] = []

    @Option(name: .customLong("fingerprint"), help: "Pin a served key by its key id (16+ hex digits; repeatable).")
    var fingerprints: [String] = []

    @Option(help: "A seed commitment saved before the runs (GET /v1/contests/ID/evaluations/EID/seeds).")
    var commitment: String?

    @Option(help: "Verify from a directory saved with --download, without the network.")
    var from: String?

    @Option(help: "Save everything fetched into this directory (for a later --from).")
    var download: String?

    @Flag(help: "Accept a transcript file without an attestation (self-consistency only).")
    var allowUnsigned = false

    @OptionGroup var global: GlobalOptions

    var json: Bool { global.json }

    func validate() throws {
        if from != nil, download != nil { throw ValidationError("--from and --download exclude each other") }
        if source == nil, contest == nil, from == nil {
            throw ValidationError("give a run id, a run or board URL, a transcript file, or --contest ID")
        }
        for fingerprint in fingerprints where !KeyPinning.validFingerprint(fingerprint) {
            throw ValidationError("--fingerprint \(fingerprint) is not a key id (16 or more hex digits)")
        }
    }

    func run() async throws {
        let passed: Bool
        do {
            passed = try await dispatch()
        } catch let failure as VerifyArtifacts.Failure {
            Console.err("arena verify: \(failure.description)")
            throw ExitCode(ExitCodes.usage)
        } catch let error as TranscriptError {
            Console.err("arena verify: \(error.message)")
            throw ExitCode(ExitCodes.usage)
        } catch let error as CLIError {
            Console.err("arena verify: \(error.description)")
            throw ExitCode(error.exitCode)
        } catch let error as DecodingError {
            Console.err("arena verify: a document does not have the expected shape (\(error))")
            throw ExitCode(ExitCodes.usage)
        }
        if !passed { throw ExitCode(ExitCodes.failed) }
    }

    /// Runs the requested verification; `true` when everything checked out.
    private func dispatch() async throws -> Bool {
        let target = try resolve()
        let pinning = try self.pinning()
        switch target {
        case .file(let path):
            return try verifyFile(path, pinning: pinning)
        case .run(let run, let artifacts):
            return try await VerifyRunFlow(artifacts: artifacts, pinning: pinning, options: flowOptions)
                .verify(run: run, source: source ?? run)
        case .contest(let id, let artifacts):
            return try await VerifyContestFlow(artifacts: artifacts, pinning: pinning, options: flowOptions)
                .verify(contest: id)
        }
    }

    private var flowOptions: VerifyFlowOptions {
        VerifyFlowOptions(requestedContest: contest, commitmentFile: commitment, json: json)
    }

    /// What to verify, and from where.
    enum Target {
        case file(String)
        case run(String, VerifyArtifacts)
        case contest(String, VerifyArtifacts)
    }

    private func resolve() throws -> Target {
        if let from {
            guard FileManager.default.fileExists(atPath: from) else {
                throw VerifyArtifacts.Failure(description: "--from \(from): no such directory")
            }
            let artifacts = VerifyArtifacts(location: .directory(from), saveTo: nil)
            if let source {
                guard Int64(source) != nil else {
                    throw VerifyArtifacts.Failure(
                        description: "with --from, SOURCE is a run id (or omit it for the board)")
                }
                return .run(source, artifacts)
            }
            return .contest(try contest ?? Self.savedContestID(from), artifacts)
        }
        if let source, source.hasPrefix("http://") || source.hasPrefix("https://") {
            return try Self.parseURL(source, saveTo: download)
        }
        if let source, (Int64(source) ?? 0) <= 0 || FileManager.default.fileExists(atPath: source) {
            return .file(source)
        }
        let session = try global.session()
        let artifacts = VerifyArtifacts(
            location: .server(origin: session.server, token: session.token), saveTo: download)
        if let source, let run = Int64(source) { return .run(String(run), artifacts) }
        guard let contest else { throw VerifyArtifacts.Failure(description: "nothing to verify") }
        return .contest(contest, artifacts)
    }

    /// Splits a run URL (`…/v1/runs/ID[/transcript|/attestation]`) or board URL
    /// (`…/v1/contests/ID[/board|/leaderboard]`).
    static func parseURL(_ url: String, saveTo: String?) throws -> Target {
        var base = url
        while base.hasSuffix("/") { base.removeLast() }
        if let query = base.firstIndex(of: "?") { base = String(base[..<query]) }
        if let range = base.range(of: "/v1/runs/") {
            var tail = String(base[range.upperBound...])
            for suffix in ["/transcript", "/attestation"] where tail.hasSuffix(suffix) { tail.removeLast(suffix.count) }
            guard let run = Int64(tail), run > 0 else {
                throw VerifyArtifacts.Failure(
                    description: "a run URL looks like https://host/v1/runs/RUN_ID, got \(url)")
            }
            let origin = String(base[..<range.lowerBound])
            return .run(String(run), VerifyArtifacts(location: .server(origin: origin, token: nil), saveTo: saveTo))
        }
        if let range = base.range(of: "/v1/contests/") {
            var tail = String(base[range.upperBound...])
            for suffix in ["/board", "/leaderboard"] where tail.hasSuffix(suffix) { tail.removeLast(suffix.count) }
            guard !tail.isEmpty, !tail.contains("/") else {
                throw VerifyArtifacts.Failure(
                    description: "a board URL looks like https://host/v1/contests/ID/board, got \(url)")
            }
            let origin = String(base[..<range.lowerBound])
            return .contest(tail, VerifyArtifacts(location: .server(origin: origin, token: nil), saveTo: saveTo))
        }
        throw VerifyArtifacts.Failure(
            description: "\(url) is neither a run URL (/v1/runs/ID) nor a board URL (/v1/contests/ID/board)")
    }

    /// The contest id saved in a `--download` directory.
    private static func savedContestID(_ directory: String) throws -> String {
        let bytes = try VerifyArtifacts.read(directory + "/contest.json")
        return try APIJSON.decoder().decode(ContestView.self, from: Data(bytes)).id
    }

    /// The keys the user pinned.
    private func pinning() throws -> KeyPinning {
        var pinned: [PublicKeyInfo] = []
        for key in pinnedKeys { pinned.append(try KeyPinning.parseKey(key)) }
        if let keys { pinned += try PublicKeyInfo.decodeList(json: Data(try VerifyArtifacts.read(keys))) }
        return KeyPinning(keys: pinned, fingerprints: fingerprints)
    }

    /// A transcript file with an optional attestation file: no claim to check.
    private func verifyFile(_ path: String, pinning: KeyPinning) throws -> Bool {
        let transcript = try VerifyArtifacts.read(path)
        let attestationJSON = try attestation.map { try VerifyArtifacts.read($0) }
        let (trusted, warnings) = pinning.isPinned ? pinning.trusted(served: []) : ([], [])
        let verifier = TranscriptVerifier(
            configuration: .init(
                requireAttestation: !allowUnsigned, equityCurves: true, pinnedKeys: pinning.isPinned))
        var report = verifier.verify(transcriptBytes: transcript, attestationJSON: attestationJSON, publicKeys: trusted)
        report.warnings += warnings
        if attestationJSON != nil, !pinning.isPinned {
            report.warnings.append("no trusted keys given: pass --keys FILE, --key HEX or use a run id or URL")
        }
        VerifyOutput.printRun(report, source: path, json: json)
        return report.verified
    }
}
