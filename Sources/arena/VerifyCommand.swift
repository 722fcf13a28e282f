import APIModels
import ArgumentParser
import AsyncHTTPClient
import AuditLog
import Foundation

/// `arena verify <transcript file | run URL | run id>`: replays a run offline (no bots, no database) and
/// checks every event, the results, the hash chain and the attestation (docs/AUDIT.md).
///
/// Exit codes: 0 verified, 1 divergence or tampering, 2 usage or I/O error.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Replay a run's transcript and check every event, result, the hash chain and the signature.",
        discussion: """
            SOURCE is a transcript file, a run URL such as https://arena.example/v1/runs/RUN_ID, \
            or a bare run id, fetched from the profile's server (with its token, so organizers \
            can verify before publication). \
            For a URL the transcript, attestation and public keys are fetched from the server \
            (GET /v1/runs/RUN_ID/transcript, /v1/runs/RUN_ID/attestation, /v1/keys); --keys \
            overrides the served keys with a file you trust. For a file, pass --attestation and \
            --keys (or --allow-unsigned to check only self-consistency).
            Exit status: 0 verified, 1 divergence or tampering, 2 usage or I/O error.

            Examples:
              arena verify 17
              arena verify https://arena.example/v1/runs/17 --json
              arena verify run.transcript --attestation run.attestation.json --keys keys.json
            """)

    @Argument(help: "Transcript file, run URL or run id.")
    var source: String

    @Option(help: "Attestation JSON file.")
    var attestation: String?

    @Option(help: "Public keys JSON file: a list of {key_id, public_key, active}.")
    var keys: String?

    @Flag(help: "Accept a transcript without an attestation (self-consistency only).")
    var allowUnsigned = false

    @OptionGroup var global: GlobalOptions

    var json: Bool { global.json }

    func run() async throws {
        let inputs: Inputs
        do {
            inputs = try await load()
        } catch {
            printError("arena verify: \(error)")
            throw ExitCode(2)
        }
        let verifier = TranscriptVerifier(configuration: .init(requireAttestation: !allowUnsigned))
        let report = verifier.verify(
            transcriptBytes: inputs.transcript, attestation: inputs.attestation, publicKeys: inputs.keys)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(Self.render(report, source: source))
        }
        if !report.verified { throw ExitCode(1) }
    }

    private func load() async throws -> Inputs {
        if source.hasPrefix("http://") || source.hasPrefix("https://") {
            return try await Inputs.fetch(runURL: source, keysFile: keys, attestationFile: attestation)
        }
        if let run = Int64(source), run > 0, !FileManager.default.fileExists(atPath: source) {
            let session = try global.session()
            return try await Inputs.fetch(
                runURL: "\(session.server)/v1/runs/\(run)", keysFile: keys,
                attestationFile: attestation, token: session.token)
        }
        return try Inputs.read(transcriptFile: source, attestationFile: attestation, keysFile: keys)
    }

    static func render(_ report: VerificationReport, source: String) -> String {
        var lines: [String] = []
        if let divergence = report.divergence {
            var place = ""
            if let tick = divergence.tick {
                place = " at tick \(tick)" + (divergence.eventIndex.map { ", event \($0)" } ?? "")
            }
            lines.append("FAILED \(source): \(divergence.code.rawValue)\(place): \(divergence.message)")
            if !divergence.expected.isEmpty || !divergence.found.isEmpty {
                lines.append("  expected: \(divergence.expected)")
                lines.append("  found:    \(divergence.found)")
            }
        } else {
            lines.append(
                "VERIFIED run \(report.runID ?? "?"): \(report.ticks) ticks, \(report.events) events, \(report.commands) commands; root \(report.root?.hex ?? "-")"
            )
        }
        for check in report.checks {
            let mark = check.passed.map { $0 ? "ok  " : "FAIL" } ?? "skip"
            lines.append("  [\(mark)] \(check.name): \(check.detail)")
        }
        for warning in report.warnings { lines.append("  warning: \(warning)") }
        if let teams = report.results?.teams, report.verified {
            for team in teams {
                lines.append(
                    "  #\(team.rank) \(team.label): score \(team.score.decimal), equity \(team.finalEquity.decimal), fees \(team.feesPaid.decimal)\(team.faulted ? " (faulted)" : "")"
                )
            }
        }
        return lines.joined(separator: "\n")
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

extension VerifyCommand {
    /// What `arena verify` checks: transcript bytes, optional attestation, trusted keys.
    struct Inputs {
        var transcript: [UInt8]
        var attestation: Attestation?
        var keys: [PublicKeyInfo]

        /// A usage or I/O problem (exit code 2).
        struct Failure: Error, CustomStringConvertible {
            var description: String
        }

        static func read(transcriptFile: String, attestationFile: String?, keysFile: String?) throws -> Inputs {
            let transcript = try readFile(transcriptFile)
            let attestation = try attestationFile.map { try Attestation.decode(json: Data(try readFile($0))) }
            let keys = try keysFile.map { try PublicKeyInfo.decodeList(json: Data(try readFile($0))) } ?? []
            return Inputs(transcript: transcript, attestation: attestation, keys: keys)
        }

        static func fetch(
            runURL: String, keysFile: String?, attestationFile: String?,
            token: String? = nil
        ) async throws -> Inputs {
            var base = runURL
            while base.hasSuffix("/") { base.removeLast() }
            for suffix in ["/transcript", "/attestation"] where base.hasSuffix(suffix) { base.removeLast(suffix.count) }
            guard let range = base.range(of: "/v1/runs/"), !base[range.upperBound...].isEmpty else {
                throw Failure(description: "a run URL looks like https://host/v1/runs/RUN_ID, got \(runURL)")
            }
            let origin = String(base[..<range.lowerBound])
            let transcript = try await get(base + "/transcript", token: token)
            let attestationJSON: [UInt8]
            if let attestationFile {
                attestationJSON = try readFile(attestationFile)
            } else {
                attestationJSON = try await get(base + "/attestation", token: token)
            }
            let keysJSON: [UInt8]
            if let keysFile {
                keysJSON = try readFile(keysFile)
            } else {
                keysJSON = try await get(origin + "/v1/keys")
            }
            let attestation = try Attestation.decode(json: Data(attestationJSON))
            let keys = try PublicKeyInfo.decodeList(json: Data(keysJSON))
            return Inputs(transcript: transcript, attestation: attestation, keys: keys)
        }

        static let notPublishedHint =
            "wait for the results to be published, or verify with an organizer profile (--profile org)"

        private static func get(_ url: String, token: String? = nil) async throws -> [UInt8] {
            var request = HTTPClientRequest(url: url)
            if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
            let response = try await HTTPClients.shared.execute(request, timeout: .seconds(60))
            guard response.status.code == 200 else {
                let body = try? await response.body.collect(upTo: 1 << 16)
                let detail = body.flatMap {
                    try? JSONDecoder().decode(APIErrorBody.self, from: Data($0.readableBytesView))
                }
                throw Failure(
                    description: "GET \(url) answered \(response.status.code)"
                        + (detail.map { ": \($0.error.message)" } ?? "")
                        + (response.status.code == 403 ? "\n  → " + Self.notPublishedHint : ""))
            }
            let body = try await response.body.collect(upTo: 1 << 30)
            return Array(body.readableBytesView)
        }

        private static func readFile(_ path: String) throws -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Failure(description: "cannot read \(path)")
            }
            return Array(data)
        }
    }
}
