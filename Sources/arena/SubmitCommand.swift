import APIModels
import ArgumentParser
import BundleKit
import Foundation

/// `arena submit`: uploads a bundle and optionally follows it through validation and evaluation.
struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Upload a bundle; with --wait, follow validation and evaluation until it is scored.",
        discussion: """
            The directory is packed into a deterministic tar.gz (the same files give the same \
            SHA-256; re-submitting an unchanged bundle returns the existing submission and makes it \
            your active entry again, without using quota). Only \
            the bundle's files are uploaded: plots (*.svg), __pycache__, *.pyc, .venv/venv, .git, \
            .DS_Store and .arena* are left out, and so is anything listed in the bundle's \
            .arenaignore (gitignore patterns; `!pattern` re-includes). --dry-run shows what would \
            be uploaded.

            The server first plays your bot alone in a short practice market (the validation \
            episode, what `arena check` runs locally): a bot that crashes, misses its deadlines or \
            breaks the protocol is rejected with the reason and its log tail, does not use your \
            quota and never replaces your active entry. One that passes becomes your active entry \
            (`arena use` picks another) and is ranked at the next evaluation.

            With --wait the status is followed live (received → validating → queued → running → \
            scored) and your leaderboard row is shown at the end. If the server restarts meanwhile, \
            --wait retries with backoff (your submission continues on the server) until --timeout. \
            Exit code 1 when the bundle is rejected, the evaluation failed or your bot faulted in \
            its runs; 7 when --timeout passes first.

            Examples:
              arena submit --wait
              arena submit ./mybot --wait --timeout 900
              arena submit ./mybot --dry-run
              arena submit ./mybot --json
            """)

    /// `arena submit --dry-run --json` output.
    struct DryRun: Codable, Sendable {
        var directory: String
        var name: String
        var runtime: String
        var sha256: String
        var archiveBytes: Int
        var files: [String]
        var ignored: [String]
    }

    static let terminalStatuses: Set<String> = ["rejected", "scored", "failed", "superseded"]

    @Argument(help: "Bundle directory (holding strategy.yaml).") var directory = "."
    @Flag(help: "Follow the submission until it is scored, rejected or failed.") var wait = false
    @Option(help: "Seconds --wait follows before giving up (exit code 7).") var timeout = 900
    @Flag(help: "Show which files would be uploaded, without uploading (no token needed).") var dryRun = false
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CommandRunner.run(global) { session in
            if dryRun { return try preview(session) }
            let client = try session.authenticatedClient()
            let (archive, loaded) = try BundleLocator.pack(directory)
            let bundle = loaded.bundle
            if !session.json {
                Console.err(
                    "Uploading \(bundle.manifest.name) (\(bundle.manifest.runtimeName), \(bundle.files.count) files, \(archive.count) bytes, sha256 \(bundle.sha256.prefix(12)))…"
                )
                if !loaded.ignored.isEmpty {
                    Console.err(session.terminal.paint(Self.ignoredLine(loaded.ignored), .dim))
                }
            }
            let reply = try await client.send(
                "POST", "/v1/submissions", body: archive, contentType: "application/gzip",
                accept: [422])
            var view = try client.decode(SubmissionView.self, from: reply, path: "/v1/submissions")
            if !session.json {
                let note =
                    reply.status != 200
                    ? "" : view.active ? " (unchanged bundle: it is your active entry again)" : " (unchanged bundle)"
                Console.out("Submission \(view.id): \(session.terminal.status(view.status))\(note)")
            }
            if wait && !Self.terminalStatuses.contains(view.status) {
                view = try await SubmissionFollower(client: client, session: session, timeout: .seconds(timeout))
                    .follow(view)
            }
            try await finish(view, session: session)
        }
    }

    /// `--dry-run`: the files and hash that would be uploaded.
    private func preview(_ session: Session) throws {
        let (archive, loaded) = try BundleLocator.pack(directory)
        let result = DryRun(
            directory: directory, name: loaded.bundle.manifest.name,
            runtime: loaded.bundle.manifest.runtime.rawValue, sha256: loaded.bundle.sha256,
            archiveBytes: archive.count, files: loaded.bundle.files.map(\.path), ignored: loaded.ignored)
        if session.json { return Output.json(result) }
        Console.out(
            "Would upload \(result.name) (\(result.runtime), \(result.files.count) files, \(result.archiveBytes) bytes, sha256 \(result.sha256.prefix(12))):"
        )
        for file in result.files { Console.out("  \(file)") }
        if !result.ignored.isEmpty {
            Console.out("Left out (defaults and \(ArenaIgnore.fileName)):")
            for path in result.ignored { Console.out("  \(path)") }
        }
    }

    static func ignoredLine(_ ignored: [String]) -> String {
        let shown = ignored.prefix(5).joined(separator: ", ")
        let more = ignored.count > 5 ? " and \(ignored.count - 5) more" : ""
        return "Left out: \(shown)\(more) (\(ArenaIgnore.fileName); see `arena submit --dry-run`)"
    }

    private func finish(_ view: SubmissionView, session: Session) async throws {
        let t = session.terminal
        let row: LeaderboardRow? =
            if view.status == "scored" {
                try? await LeaderboardCommand.ownRow(session: session, contest: view.contestId, teamId: view.teamId)
            } else {
                nil
            }
        let fault = row.flatMap { row in
            row.submissionId == view.id && (row.status == "faulted" || row.fault != nil) ? row.fault ?? "faulted" : nil
        }
        if session.json {
            Output.json(view)
            if let fault {
                Console.err("Your bot faulted in its runs (\(fault)); see `arena logs`.")
            } else if view.status == "rejected" || view.status == "failed" {
                Console.err("Submission \(view.id) \(view.status): \(view.statusHistory.last?.detail ?? "")")
            }
        } else {
            switch view.status {
            case "rejected":
                Console.out(t.paint("Rejected", .red) + ": " + (view.statusHistory.last?.detail ?? ""))
                if let report = view.validationReport { Console.out(report) }
                Console.out(
                    "Fix the bundle (`arena check \(directory)` and `arena backtest \(directory)` show the problems), then submit again; rejections do not use your daily quota."
                )
                Console.out(await Self.activeEntryLine(session))
            case "failed":
                Console.out(t.paint("Evaluation failed", .red) + ": " + (view.statusHistory.last?.detail ?? ""))
                Console.out("See your bot's output with `arena logs`.")
            case "scored" where fault != nil:
                Console.out(
                    t.paint("Scored, but your bot faulted", .red) + " (\(fault ?? "")): it is ranked as faulted.")
                Console.out(
                    "See what happened with `arena logs`, reproduce it with `arena backtest \(directory)`, fix it and submit again."
                )
            case "scored":
                Console.out(
                    t.paint("Scored.", .green) + " See `arena leaderboard`, `arena logs` and `arena verify RUN`.")
                if let row, row.submissionId == view.id {
                    Console.out(
                        "Rank \(row.rank): score \(row.score ?? "-"), pnl \(t.signed(row.pnl)), trades \(row.trades); submission \(view.id) is your entry on the board."
                    )
                } else if let row, !view.active {
                    Console.out(
                        "Your entry on the board is submission \(row.submissionId) (rank \(row.rank)); make this one your entry with `arena use \(view.id)`."
                    )
                } else if let row {
                    Console.out(
                        "Your entry on the board is still submission \(row.submissionId) (rank \(row.rank)); the board may be frozen, or a final selection applies (`arena status`)."
                    )
                }
            default:
                if !wait { Console.out("Follow it with `arena status \(view.id)` or `arena submit --wait`.") }
            }
            if let quota = view.quota {
                Console.out(
                    t.paint(
                        "Quota: \(quota.used)/\(quota.limit) submissions today, \(quota.inFlight)/\(quota.inFlightLimit) in flight.",
                        .dim))
            }
        }
        if ["rejected", "failed"].contains(view.status) || fault != nil { throw ExitCode(ExitCodes.failed) }
    }
}

extension SubmitCommand {
    /// "Your active entry is still submission N." (after a rejection), from the team's list.
    static func activeEntryLine(_ session: Session) async -> String {
        guard let client = try? session.authenticatedClient(),
            let submissions = try? await client.get("/v1/submissions", as: [SubmissionView].self)
        else { return "Your active entry is unchanged." }
        guard let active = submissions.first(where: \.active) else {
            return "You have no active entry yet: none of your submissions has passed validation."
        }
        return "Your active entry is unchanged: submission \(active.id) (\(active.status))."
    }
}
