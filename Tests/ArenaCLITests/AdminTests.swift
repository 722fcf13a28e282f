import APIModels
import Foundation
import Testing

/// Organizer commands against a live server: contest lifecycle, registration, invites,
/// freeze, disqualification and the audit chain.
@Suite(.serialized)
struct AdminTests {
    @Test func organizerControlsAContest() async throws {
        try await LiveServer.with { server in
            let cli = server.cli
            let organizer = try await server.organizerToken()
            let org = ["ARENA_TOKEN": organizer]
            let whoami = try await cli.run(["whoami", "--json"], extra: org)
            #expect(whoami.status == 0, "\(whoami)")
            #expect(whoami.stdout.contains("\"role\" : \"organizer\""))

            let file = try server.writeContest(id: "adm")
            #expect(try await cli.run(["admin", "contest", "update", file], extra: org).status == 0)
            let shown = try await cli.run(["admin", "contest", "show", "adm", "--json"]).decode(ContestView.self)
            #expect(shown.registrationOpen)
            let phases = try await cli.run(["admin", "phases", "adm", "--json"]).decode([PhaseView].self)
            #expect(phases.map(\.name) == ["main"])

            let closed = try await cli.run(["admin", "registration", "close", "adm", "--json"], extra: org)
            #expect(try closed.decode(ContestView.self).registrationOpen == false, "\(closed)")
            let refused = try await cli.run(["register", "--contest", "adm", "--name", "late"])
            #expect(refused.status == 5, "\(refused)")
            #expect(refused.stderr.contains("ask the organizers"))
            #expect(try await cli.run(["admin", "registration", "open", "adm"], extra: org).status == 0)

            #expect(try await cli.run(["admin", "invite", "adm", "--code", "S3CRET"], extra: org).status == 0)
            let uninvited = try await cli.run(["register", "--contest", "adm", "--name", "gamma"])
            #expect(uninvited.status == 5, "\(uninvited)")
            #expect(uninvited.stderr.contains("--invite"))
            let invited = try await cli.run([
                "register", "--contest", "adm", "--name", "gamma", "--invite", "S3CRET",
                "--json",
            ])
            #expect(invited.status == 0, "\(invited)")
            let team = try invited.decode(TeamRegistrationResponse.self)

            let teamCannot = try await cli.run(["admin", "freeze", "adm"])
            #expect(teamCannot.status == 3, "a team token cannot run admin commands: \(teamCannot)")
            #expect(try await cli.run(["admin", "freeze", "adm"], extra: org).status == 0)
            let frozen = try await cli.run(["admin", "contest", "show", "adm", "--json"]).decode(ContestView.self)
            #expect(frozen.frozen)
            #expect(try await cli.run(["admin", "unfreeze", "adm"], extra: org).status == 0)

            let disqualified = try await cli.run(
                [
                    "admin", "disqualify", "\(team.teamId)", "--reason", "testing",
                    "--json",
                ], extra: org)
            #expect(try disqualified.decode(TeamView.self).disqualified, "\(disqualified)")
            let mine = try await cli.run(["whoami"])
            #expect(mine.stdout.contains("disqualified"))
            let reinstated = try await cli.run(["admin", "reinstate", "\(team.teamId)", "--json"], extra: org)
            #expect(try reinstated.decode(TeamView.self).disqualified == false)
            #expect(try await cli.run(["admin", "rerun", "adm"], extra: org).status == 0)
            let badRun = try await cli.run(["admin", "rerun", "--run", "999"], extra: org)
            #expect(badRun.status == 5, "\(badRun)")

            let audit = try await cli.run(["admin", "audit", "verify", "--json"], extra: org)
            #expect(audit.status == 0, "\(audit)")
            #expect(audit.stdout.contains("\"verified\" : true"))
        }
    }
}
