import APIModels
import ArgumentParser
import Foundation

/// `arena submit`: uploads a bundle and optionally follows it through validation and evaluation.
struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Upload a bundle; with --wait, follow validation and evaluation until it is scored.",
        discussion: """
            The directory is packed into a deterministic tar.gz (the same files give the same \
            SHA-256, and re-submitting an unchanged bundle returns the existing submission). \
            With --wait the status is followed live (received → validating → queued → running → \
            scored) and your leaderboard row is shown at the end. Exit code 1 when the bundle is \
            rejected or the evaluation failed, 7 when --timeout passes first.

            Examples:
              arena submit --wait
              arena submit ./mybot --wait --timeout 900
              arena submit ./mybot --json
            """)

    static let terminalStatuses: Set<String> = ["rejected", "scored", "failed", "superseded"]

    @Argument(help: "Bundle directory (holding strategy.yaml).") var directory = "."
    @Flag(help: "Follow the submission until it is scored, rejected or failed.") var wait = false
    @Option(help: "Seconds --wait follows before giving up (exit code 7).") var timeout = 900
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CommandRunner.run(global) { session in
            let client = try session.authenticatedClient()
            let (archive, bundle) = try BundleLocator.pack(directory)
            if !session.json {
                Console.err(
                    "Uploading \(bundle.manifest.name) (\(bundle.manifest.runtime.rawValue), \(bundle.files.count) files, \(archive.count) bytes, sha256 \(bundle.sha256.prefix(12)))…"
                )
            }
            let reply = try await client.send(
                "POST", "/v1/submissions", body: archive, contentType: "application/gzip",
                accept: [422])
            var view = try client.decode(SubmissionView.self, from: reply, path: "/v1/submissions")
            if !session.json {
                let note = reply.status == 200 ? " (unchanged bundle: existing submission)" : ""
                Console.out("Submission \(view.id): \(session.terminal.status(view.status))\(note)")
            }
            if wait && !Self.terminalStatuses.contains(view.status) {
                view = try await SubmissionFollower(client: client, session: session, timeout: .seconds(timeout))
                    .follow(view)
            }
            try await finish(view, session: session)
        }
    }

    private func finish(_ view: SubmissionView, session: Session) async throws {
        if session.json {
            Output.json(view)
        } else {
            let t = session.terminal
            switch view.status {
            case "rejected":
                Console.out(t.paint("Rejected", .red) + ": " + (view.statusHistory.last?.detail ?? ""))
                if let report = view.validationReport { Console.out(report) }
                Console.out(
                    "Fix the bundle (`arena check \(directory)` shows the problems), then submit again; rejections do not use your daily quota."
                )
            case "failed":
                Console.out(t.paint("Evaluation failed", .red) + ": " + (view.statusHistory.last?.detail ?? ""))
                Console.out("See your bot's output with `arena logs`.")
            case "scored":
                Console.out(
                    t.paint("Scored.", .green) + " See `arena leaderboard`, `arena logs` and `arena verify RUN`.")
                if let row = try? await LeaderboardCommand.ownRow(session: session, contest: view.contestId) {
                    Console.out(
                        "Rank \(row.rank): score \(row.score ?? "-"), pnl \(t.signed(row.pnl)), trades \(row.trades)")
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
        if ["rejected", "failed"].contains(view.status) { throw ExitCode(ExitCodes.failed) }
    }
}
