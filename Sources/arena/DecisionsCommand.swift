import APIModels
import ArgumentParser
import AuditLog
import Foundation

/// `arena decisions RUN|FILE`: the decisions bots attached to their orders in a run.
struct DecisionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decisions",
        abstract: "Show the decisions (model, output, confidence, rationale) bots attached to their orders in a run.",
        discussion: """
            The runner records every `decision` of a bot's reply in the run's transcript, bound to \
            the client ids of that reply's orders, hash-chained and signed with the rest of the run \
            (docs/BOT-PROTOCOL.md, "decision"); `arena verify` checks them.

            RUN is a run id: before the contest's results are published you see your own team's \
            decisions (from your run report); after publication the transcript is public and every \
            team's decisions are shown. FILE is a transcript file (e.g. written by \
            `arena backtest --transcript run.patx`), read offline.

            Examples:
              arena decisions 17
              arena backtest ./mybot --transcript run.patx && arena decisions run.patx
              arena decisions run.patx --json
            """)

    @Argument(help: "Run id, or a transcript file.") var run: String
    @Option(help: "Only this heat slot (transcript files and published runs).") var slot: Int?
    @OptionGroup var global: GlobalOptions

    /// One decision with who made it.
    struct Row: Encodable {
        var slot: Int?
        var team: String?
        var decision: DecisionView
    }

    /// The `--json` output.
    struct Listing: Encodable {
        var run: String
        var source: String
        var runtimes: [MemberRuntime]
        var decisions: [Row]
    }

    func run() async throws {
        try await CommandRunner.run(global) { session in
            let listing: Listing
            if FileManager.default.fileExists(atPath: run) {
                guard let data = FileManager.default.contents(atPath: run) else {
                    throw CLIError.usage("cannot read \(run)")
                }
                listing = try Self.listing(transcript: Array(data), name: run, source: "transcript file")
            } else {
                guard let id = Int64(run) else {
                    throw CLIError.usage(
                        "\(run) is neither a file nor a run id", hint: "see your runs with `arena status`")
                }
                listing = try await Self.fetch(id: id, session: session)
            }
            let shown = slot.map { wanted in listing.decisions.filter { $0.slot == nil || $0.slot == wanted } }
            let filtered = Listing(
                run: listing.run, source: listing.source, runtimes: listing.runtimes,
                decisions: shown ?? listing.decisions)
            if session.json { return Output.json(filtered) }
            Self.print(filtered)
        }
    }

    /// Published runs: the public transcript (every team); before: the team's own run report.
    static func fetch(id: Int64, session: Session) async throws -> Listing {
        let client = session.client
        let reply = try await client.send("GET", "/v1/runs/\(id)/transcript", accept: [401, 403, 404])
        if reply.status == 200 {
            return try listing(transcript: reply.body, name: "run \(id)", source: "published transcript")
        }
        let report = try await session.authenticatedClient().get("/v1/runs/\(id)/report", as: RunReportView.self)
        let runtimes =
            report.runtime.map { [MemberRuntime(slot: 0, name: $0, lockSHA256: report.runtimeLockSha256 ?? "")] } ?? []
        return Listing(
            run: "run \(id)", source: "your run report (the transcript is public after publication)",
            runtimes: runtimes, decisions: (report.decisions ?? []).map { Row(slot: nil, team: nil, decision: $0) })
    }

    /// Every decision of a transcript, in tick order.
    static func listing(transcript bytes: [UInt8], name: String, source: String) throws -> Listing {
        let decoded: (transcript: Transcript, records: [TickRecord])
        do {
            decoded = try Transcript.decode(bytes)
        } catch {
            throw CLIError(
                "transcript_invalid", "\(name) is not a readable transcript: \(error)",
                hint: "check it with `arena verify`", exitCode: ExitCodes.failed)
        }
        let labels = Dictionary(
            decoded.transcript.header.members.map { (Int($0.slot), $0.label) }, uniquingKeysWith: { first, _ in first })
        var rows: [Row] = []
        for record in decoded.records {
            for case .decision(let slot, let decision, _) in record.inputs {
                rows.append(
                    Row(
                        slot: Int(slot), team: labels[Int(slot)],
                        decision: DecisionView(
                            tick: record.tick, clientIds: decision.clientIDs, model: decision.model,
                            version: decision.version, inputsDigest: decision.inputsDigest, inputs: decision.inputs,
                            output: decision.output, rationale: decision.rationale,
                            confidence: decision.confidence)))
            }
        }
        return Listing(
            run: decoded.transcript.header.runID, source: source, runtimes: decoded.transcript.header.runtimes,
            decisions: rows)
    }

    /// `text` safe for a terminal: decisions are other teams' text after publication, so control
    /// characters (escape sequences, carriage returns, newlines) and bidirectional overrides are
    /// shown as `\u{…}` instead of acting on the reader's terminal. `--json` keeps the bytes.
    static func printable(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let control = value < 0x20 || (0x7F...0x9F).contains(value)
            let bidi =
                (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
                || value == 0x200E || value == 0x200F || value == 0x061C
            if control || bidi {
                result += "\\u{\(String(value, radix: 16, uppercase: true))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func print(_ listing: Listing) {
        Console.err("\(listing.run): \(listing.decisions.count) decisions (from \(listing.source))")
        for runtime in listing.runtimes where runtime.name != "rules" {
            Console.err("  runtime: \(runtime.summary)")
        }
        for row in listing.decisions {
            let d = row.decision
            let p = Self.printable
            var line = "tick \(d.tick)"
            if let team = row.team { line += "  \(p(team))" }
            line += "  orders \(d.clientIds.map(String.init).joined(separator: ","))"
            line += "  \(p(d.model))\(d.version.isEmpty ? "" : "@\(p(d.version))") → \(p(d.output))"
            if !d.confidence.isEmpty { line += "  confidence \(p(d.confidence))" }
            Console.out(line)
            if !d.inputs.isEmpty || !d.inputsDigest.isEmpty {
                Console.out(
                    "    inputs: \(p([d.inputs, d.inputsDigest].filter { !$0.isEmpty }.joined(separator: "  ")))")
            }
            if !d.rationale.isEmpty { Console.out("    why: \(p(d.rationale))") }
        }
    }
}
