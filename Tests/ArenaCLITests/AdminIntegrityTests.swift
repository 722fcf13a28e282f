import Foundation
import Testing

/// `arena admin integrity` and the `integrity` check of `arena verify --contest`, as a user runs
/// them against a live server: the organizer sees the report (a team is refused), `--json`
/// prints the published bytes, `--output` saves them, verify recomputes them, and a forged
/// report in a downloaded directory fails with `integrity_mismatch`.
@Suite(.serialized)
struct AdminIntegrityTests {
    @Test func organizersReadTheReportAndVerifyRecomputesIt() async throws {
        try await LiveServer.with { server in
            let cli = server.cli
            try await VerifyClaimTests.publishTwoTeamContest(server)

            let table = try await cli.run(["admin", "integrity", "vc", "--profile", "org"])
            #expect(table.status == 0, "\(table)")
            #expect(table.stdout.contains("Integrity report of vc, evaluation "), "\(table)")
            #expect(table.stdout.contains("No findings"), "two quiet sample bots: \(table)")
            let saved = server.home + "/report.json"
            let json = try await cli.run(["admin", "integrity", "vc", "--json", "--output", saved, "--profile", "org"])
            #expect(json.status == 0, "\(json)")
            #expect(json.stdout.hasPrefix("{\"contest_id\":\"vc\",\"copying\":[],"), "\(json)")
            let savedBytes = try Data(contentsOf: URL(fileURLWithPath: saved))
            #expect(json.stdout == String(decoding: savedBytes, as: UTF8.self) + "\n")
            let team = try await cli.run(["admin", "integrity", "vc", "--profile", "alpha"])
            #expect(team.status != 0, "a team may not read the organizers' report: \(team)")

            let audit = server.home + "/audit"
            let online = try await cli.run(["verify", "--contest", "vc", "--download", audit])
            #expect(online.status == 0, "\(online)")
            #expect(
                online.stdout.contains("[ok  ] integrity: recomputed from 2 transcripts, byte-identical"), "\(online)")
            let served = try Data(contentsOf: URL(fileURLWithPath: audit + "/integrity.json"))
            #expect(served == savedBytes, "the public report is the organizers' report of the published evaluation")
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: audit + "/integrity.recomputed.json")) == served)

            var forged = String(decoding: served, as: UTF8.self)
            forged = forged.replacingOccurrences(of: "\"flagged_teams\":[]", with: "\"flagged_teams\":[\"1\"]")
            try Data(forged.utf8).write(to: URL(fileURLWithPath: audit + "/integrity.json"))
            let offline = try await cli.run([
                "verify", "--contest", "vc", "--from", audit, "--server", "http://127.0.0.1:9",
            ])
            #expect(offline.status == 1, "\(offline)")
            #expect(offline.stdout.contains("integrity_mismatch"), "\(offline)")
            #expect(offline.stdout.contains("sections flagged_teams"), "\(offline)")
        }
    }
}
