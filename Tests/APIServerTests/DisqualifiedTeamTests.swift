import APIModels
import APIServer
import Foundation
import HTTPTypes
import Testing

/// A disqualified team can neither make a submission its entry nor select one for the final
/// ranking: both would queue evaluations of a team that is not ranked.
@Suite struct DisqualifiedTeamTests {
    @Test func aDisqualifiedTeamCannotSelectOrActivate() async throws {
        let fixture = APIFixture()
        try await fixture.test { client in
            let organizer = fixture.arena.addOrganizer()
            try await fixture.createContest(
                client, organizer: organizer,
                yaml: APIFixture.contestYAML(id: "dq", phases: "[{name: final, final_selection: true}]"))
            let team = try await fixture.register(client, contest: "dq", name: "colluder")
            let submitted = try await client.call(
                .post, "/v1/submissions", token: team.token, body: Array("valid d1e2f3".utf8),
                contentType: "application/gzip")
            #expect(submitted.status == .accepted, "\(submitted.text)")
            let submission = try submitted.decode(SubmissionView.self)
            try await fixture.arena.setDisqualified(teamId: team.id, reason: "wash trading with team 7")
            for action in ["select", "activate"] {
                let reply = try await client.call(
                    .post, "/v1/submissions/\(submission.id)/\(action)", token: team.token, body: nil,
                    contentType: "application/json")
                #expect(reply.status == .forbidden, "\(action): \(reply.status) \(reply.text)")
                #expect(reply.text.contains("\"disqualified\""), "\(action): \(reply.text)")
                #expect(reply.text.contains("wash trading with team 7"), "the reason is shown to the team")
            }
        }
    }
}
