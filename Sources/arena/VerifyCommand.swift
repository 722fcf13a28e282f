import ArgumentParser
import AsyncHTTPClient
import AuditLog
import Foundation

/// `arena verify <transcript file | run URL>`: replays a run offline (no bots, no database) and
/// checks every event, the results, the hash chain and the attestation (docs/AUDIT.md).
///
/// Exit codes: 0 verified, 1 divergence or tampering, 2 usage or I/O error.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Replay a run's transcript and check every event, result, the hash chain and the signature.",
        discussion: """
            SOURCE is a transcript file or a run URL such as https://arena.example/v1/runs/RUN_ID. \
            For a URL the transcript, attestation and public keys are fetched from the server \
            (GET /v1/runs/RUN_ID/transcript, /v1/runs/RUN_ID/attestation, /v1/keys); --keys \
            overrides the served keys with a file you trust. For a file, pass --attestation and \
            --keys (or --allow-unsigned to check only self-consistency).
            Exit status: 0 verified, 1 divergence or tampering, 2 usage or I/O error.
            """)

    @Argument(help: "Transcript file or run URL.")
    var source: String

    @Option(help: "Attestation JSON file.")
    var attestation: String?

    @Option(help: "Public keys JSON file: a list of {key_id, public_key, active}.")
    var keys: String?

    @Flag(help: "Accept a transcript without an attestation (self-consistency only).")
    var allowUnsigned = false

    @Flag(help: "Print the report as JSON.")
    var json = false

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
        return try Inputs.read(transcriptFile: source, attestationFile: attestation, keysFile: keys)
    }

    static func render(_ report: VerificationReport, source: String) -> String {
        var lines: [String] = []
        if let divergence = report.divergence {
            var place = ""
            if let tick = divergence.tick { place = " at tick \(tick)" + (divergence.eventIndex.map { ", event \($0)" } ?? "") }
            lines.append("FAILED \(source): \(divergence.code.rawValue)\(place): \(divergence.message)")
            if !divergence.expected.isEmpty || !divergence.found.isEmpty {
                lines.append("  expected: \(divergence.expected)")
                lines.append("  found:    \(divergence.found)")
            }
        } else {
            lines.append("VERIFIED run \(report.runID ?? "?"): \(report.ticks) ticks, \(report.events) events, \(report.commands) commands; root \(report.root?.hex ?? "-")")
        }
        for check in report.checks {
            let mark = check.passed.map { $0 ? "ok  " : "FAIL" } ?? "skip"
            lines.append("  [\(mark)] \(check.name): \(check.detail)")
        }
        for warning in report.warnings { lines.append("  warning: \(warning)") }
        if let teams = report.results?.teams, report.verified {
            for team in teams {
                lines.append("  #\(team.rank) \(team.label): score \(team.score.decimal), equity \(team.finalEquity.decimal), fees \(team.feesPaid.decimal)\(team.faulted ? " (faulted)" : "")")
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

        static func fetch(runURL: String, keysFile: String?, attestationFile: String?) async throws -> Inputs {
            var base = runURL
            while base.hasSuffix("/") { base.removeLast() }
            for suffix in ["/transcript", "/attestation"] where base.hasSuffix(suffix) { base.removeLast(suffix.count) }
            guard let range = base.range(of: "/v1/runs/"), !base[range.upperBound...].isEmpty else {
                throw Failure(description: "a run URL looks like https://host/v1/runs/RUN_ID, got \(runURL)")
            }
            let origin = String(base[..<range.lowerBound])
            let transcript = try await get(base + "/transcript")
            let attestation = try attestationFile.map { try Attestation.decode(json: Data(try readFile($0))) }
                ?? Attestation.decode(json: Data(try await get(base + "/attestation")))
            let keys = try keysFile.map { try PublicKeyInfo.decodeList(json: Data(try readFile($0))) }
                ?? PublicKeyInfo.decodeList(json: Data(try await get(origin + "/v1/keys")))
            return Inputs(transcript: transcript, attestation: attestation, keys: keys)
        }

        private static func get(_ url: String) async throws -> [UInt8] {
            let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(60))
            guard response.status.code == 200 else {
                throw Failure(description: "GET \(url) answered \(response.status.code)")
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
